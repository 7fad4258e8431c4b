using EmotionNet.Options;
namespace EmotionNet.Vision.Faces;

/// <summary>Settings of the Haar-cascade face detector.</summary>
/// <param name="ScaleFactor">How much the search window grows per pyramid step (default 1.1; larger is faster and misses more).</param>
/// <param name="MinNeighbors">Overlapping hits a face needs to be kept (default 5; larger gives fewer false faces).</param>
/// <param name="MinFaceSize">Smallest face side in pixels of the full-resolution frame (default 48).</param>
/// <param name="DetectionScale">
/// Scale of the grey frame the cascade runs on, in (0, 1] (default 0.5: a 640x480 frame is searched at
/// 320x240, about four times faster); boxes are mapped back to full resolution.
/// </param>
/// <param name="EqualizeHistogram">Equalize the grey frame's histogram before detection (default true).</param>
public sealed record DetectorOptions(
    double ScaleFactor = 1.1,
    int MinNeighbors = 5,
    int MinFaceSize = 48,
    double DetectionScale = 0.5,
    bool EqualizeHistogram = true)
{
    /// <summary>The defaults.</summary>
    public static DetectorOptions Default { get; } = new();

    /// <summary>Throws an <see cref="EmotionNetException"/> naming the first out-of-range field.</summary>
    public DetectorOptions Validate()
    {
        var check = new OptionCheck(nameof(DetectorOptions));
        check.Require(ScaleFactor, ScaleFactor > 1.0, "must be greater than 1");
        check.Require(MinNeighbors, MinNeighbors >= 0, "must be 0 or more");
        check.Require(MinFaceSize, MinFaceSize >= 1, "must be at least 1 pixel");
        check.Require(DetectionScale, DetectionScale is > 0 and <= 1, "must be in (0, 1]");
        return this;
    }
}
