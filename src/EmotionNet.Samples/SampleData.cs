using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;

namespace EmotionNet.Samples;

/// <summary>
/// The small FER2013 sample committed as <see cref="RelativePath"/> and embedded in this assembly:
/// 280 rows, 30 per class in Training and 5 per class in PublicTest and PrivateTest, made by
/// <c>eng/make-sample.sh</c>. Enough to run the pipeline end to end, far too little to learn from.
/// </summary>
public static class SampleData
{
    /// <summary>The sample's path relative to the repository root.</summary>
    public const string RelativePath = "data/sample/fer2013-sample.csv";

    /// <summary>How the embedded sample is named in messages and <see cref="FaceClipSet.Source"/>.</summary>
    public const string Name = "fer2013-sample.csv (embedded)";

    private const string ResourceName = "EmotionNet.Samples.fer2013-sample.csv";

    /// <summary>Opens the embedded sample CSV; the caller disposes the stream.</summary>
    public static Stream Open() =>
        typeof(SampleData).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new EmotionNetException($"The embedded sample {ResourceName} is missing from {typeof(SampleData).Assembly.GetName().Name}; the build is broken.");

    /// <summary>Reads the embedded sample with the classes of <paramref name="classes"/>.</summary>
    public static FaceDataSplits Load(ClassSet classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        using var stream = Open();
        return Fer2013Reader.Read(stream, Name, new DataLoadOptions { Classes = classes });
    }
}
