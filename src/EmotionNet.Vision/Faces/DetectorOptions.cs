using EmotionNet.Core;
using EmotionNet.Core.Options;

namespace EmotionNet.Vision.Faces;

/// <summary>Which face detector runs and its settings. Fields name the detector they apply to.</summary>
/// <param name="ScaleFactor">Haar: how much the search window grows per pyramid step (default 1.1; larger is faster and misses more).</param>
/// <param name="MinNeighbors">Haar: overlapping hits a face needs to be kept (default 5; larger gives fewer false faces).</param>
/// <param name="MinFaceSize">
/// Both: smallest face side in pixels of the full-resolution frame (default 32, so the 36 px faces of
/// group photos count). YuNet drops smaller boxes (their longer side); the Haar cascade cannot see a
/// face smaller than its 24 px window divided by <paramref name="DetectionScale"/> (48 px at 0.5).
/// </param>
/// <param name="DetectionScale">
/// Haar: scale of the grey frame the cascade runs on, in (0, 1] (default 0.5: a 640x480 frame is searched at
/// 320x240, about four times faster); boxes are mapped back to full resolution.
/// </param>
/// <param name="EqualizeHistogram">Haar: equalize the grey frame's histogram before detection (default true).</param>
/// <param name="Kind">The detector (default <see cref="FaceDetectorKind.YuNet"/>).</param>
/// <param name="ScoreThreshold">YuNet: least score, in (0, 1), for a face to be kept (default 0.6, OpenCV's sample value).</param>
/// <param name="NmsThreshold">YuNet: boxes overlapping a better one by more than this IoU, in (0, 1], are dropped (default 0.3).</param>
/// <param name="WorkingSize">
/// YuNet: longest side, in pixels, of the copy of the frame the network runs on (default 320: a 640x480
/// frame is searched at 320x240, about 10 ms instead of 39 ms on one core; faces down to about 10 px of
/// that copy, 20 px of the frame, are still found). Smaller frames run at their own size; boxes and
/// landmarks are mapped back to full resolution. At least 32.
/// </param>
/// <param name="ModelPath">YuNet: an ONNX model file to use instead of the one shipped in this assembly (default null: the shipped one).</param>
public sealed record DetectorOptions(
    double ScaleFactor = 1.1,
    int MinNeighbors = 5,
    int MinFaceSize = 32,
    double DetectionScale = 0.5,
    bool EqualizeHistogram = true,
    FaceDetectorKind Kind = FaceDetectorKind.YuNet,
    float ScoreThreshold = 0.6f,
    float NmsThreshold = 0.3f,
    int WorkingSize = 320,
    string? ModelPath = null)
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
        check.Require(Kind, Enum.IsDefined(Kind), "must be YuNet or Haar");
        check.Require(ScoreThreshold, ScoreThreshold is > 0 and < 1, "must be in (0, 1)");
        check.Require(NmsThreshold, NmsThreshold is > 0 and <= 1, "must be in (0, 1]");
        check.Require(WorkingSize, WorkingSize >= 32, "must be at least 32 pixels");
        check.Require(ModelPath, ModelPath is null || !string.IsNullOrWhiteSpace(ModelPath), "must name a file when given");
        return this;
    }
}
