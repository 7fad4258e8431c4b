using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;
using EmotionNet.Vision.Imaging;

namespace EmotionNet.Cli.Flags;

/// <summary>Which data a verb reads: <paramref name="Path"/> (null: the embedded sample), skipping invalid rows or not.</summary>
internal sealed record DataSettings(string? Path, bool SkipInvalid)
{
    /// <summary>True when no --data was given and the embedded sample is used.</summary>
    public bool IsSample => Path is null;

    /// <summary>True when --data names a folder of images (rather than a CSV or the sample).</summary>
    public bool IsFolder => Path is not null && Directory.Exists(Path);

    /// <summary>What the data is, for messages.</summary>
    public string Description => Path ?? "the embedded FER2013 sample";

    /// <summary>Reads the data with <paramref name="classes"/>; image folders are decoded by <paramref name="decoder"/> (default: OpenCV, each image a face crop).</summary>
    public FaceDataSplits Load(ClassSet classes, IFaceImageDecoder? decoder = null) => Path is null
        ? SampleData.Load(classes)
        : DataSources.Load(Path, new DataLoadOptions { Classes = classes, SkipInvalid = SkipInvalid, ImageDecoder = decoder ?? OpenCvFaceImageDecoder.Instance });
}
