namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public static class DataSources
{
    /// <summary>Loads.</summary>
    public static FaceDataSplits Load(string path, DataLoadOptions options) => throw new EmotionNetException($"not yet: {path} {options}");
}
