using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Samples;
using EmotionNet.Vision.Imaging;

namespace EmotionNet.Cli.Flags;

/// <summary>Which data a verb reads: <paramref name="Path"/> (null: the embedded sample), skipping invalid rows or not.</summary>
internal sealed record DataSettings(string? Path, bool SkipInvalid)
{
    /// <summary>True when no --data was given and the embedded sample is used.</summary>
    public bool IsSample => Path is null;

    /// <summary>What the data is, for messages.</summary>
    public string Description => Path ?? "the embedded FER2013 sample";

    /// <summary>Reads the data with <paramref name="classes"/>; image folders are decoded with OpenCV.</summary>
    public FaceDataSplits Load(ClassSet classes) => Path is null
        ? SampleData.Load(classes)
        : DataSources.Load(Path, new DataLoadOptions { Classes = classes, SkipInvalid = SkipInvalid, ImageDecoder = OpenCvFaceImageDecoder.Instance });
}
