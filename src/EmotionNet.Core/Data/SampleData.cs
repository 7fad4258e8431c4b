using EmotionNet.Emotions;

namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public static class SampleData
{
    /// <summary>Loads.</summary>
    public static FaceDataSplits Load(ClassSet classes) => throw new EmotionNetException($"not yet {classes}");
}
