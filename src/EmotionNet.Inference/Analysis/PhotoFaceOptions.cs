using EmotionNet.Core.Options;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// How <see cref="PhotoFaceDecoder"/> turns labelled images into faces. The defaults are those of
/// <c>analyze</c> (<see cref="AnalyzerOptions.Default"/>), so a folder of photos is scored on the faces
/// <c>analyze</c> would classify.
/// </summary>
public sealed record PhotoFaceOptions
{
    /// <summary>The defaults.</summary>
    public static PhotoFaceOptions Default { get; } = new();

    /// <summary>Which images are searched for a face and which are taken whole (default <see cref="FaceFinding.Auto"/>: 48x48 images are crops).</summary>
    public FaceFinding Faces { get; init; } = FaceFinding.Auto;

    /// <summary>The face detector (default: <see cref="AnalyzerOptions.Detector"/>'s default, YuNet).</summary>
    public DetectorOptions Detector { get; init; } = AnalyzerOptions.Default.Detector;

    /// <summary>Crop faces with landmarks aligned, as <see cref="AnalyzerOptions.AlignFaces"/> (default true).</summary>
    public bool AlignFaces { get; init; } = AnalyzerOptions.Default.AlignFaces;

    /// <summary>Margin around a face cropped by its box, as <see cref="AnalyzerOptions.FaceMargin"/> (default 0.1).</summary>
    public double FaceMargin { get; init; } = AnalyzerOptions.Default.FaceMargin;

    /// <summary>Largest image accepted, in pixels, read from the file header before decoding, as <see cref="AnalyzerOptions.MaxImagePixels"/> (default 100,000,000).</summary>
    public long MaxImagePixels { get; init; } = AnalyzerOptions.DefaultMaxImagePixels;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public PhotoFaceOptions Validate()
    {
        var check = new OptionCheck(nameof(PhotoFaceOptions));
        check.Require(Faces, Enum.IsDefined(Faces), "must be Auto, Detect or Cropped");
        check.Require(FaceMargin, FaceMargin is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MaxImagePixels, MaxImagePixels >= 1, "must be at least 1");
        ArgumentNullException.ThrowIfNull(Detector);
        Detector.Validate();
        return this;
    }
}
