using EmotionNet.Core.Options;

namespace EmotionNet.Vision.Faces;

/// <summary>Which face detector runs and its settings. Fields name the detector they apply to.</summary>
public sealed record DetectorOptions
{
    /// <summary>The defaults.</summary>
    public static DetectorOptions Default { get; } = new();

    /// <summary>Haar: how much the search window grows per pyramid step (default 1.1; larger is faster and misses more; above 1).</summary>
    public double ScaleFactor { get; init; } = 1.1;

    /// <summary>Haar: overlapping hits a face needs to be kept (default 5; larger gives fewer false faces; 0 or more).</summary>
    public int MinNeighbors { get; init; } = 5;

    /// <summary>
    /// Both: smallest face side in pixels of the full-resolution frame (default 32, so the 36 px faces of
    /// group photos count; at least 1). YuNet drops smaller boxes (their longer side); the Haar cascade cannot see a
    /// face smaller than its 24 px window divided by <see cref="DetectionScale"/> (48 px at 0.5).
    /// </summary>
    public int MinFaceSize { get; init; } = 32;

    /// <summary>
    /// Haar: scale of the grey frame the cascade runs on, in (0, 1] (default 0.5: a 640x480 frame is searched at
    /// 320x240, about four times faster); boxes are mapped back to full resolution.
    /// </summary>
    public double DetectionScale { get; init; } = 0.5;

    /// <summary>Haar: equalize the grey frame's histogram before detection (default true).</summary>
    public bool EqualizeHistogram { get; init; } = true;

    /// <summary>The detector (default <see cref="FaceDetectorKind.YuNet"/>).</summary>
    public FaceDetectorKind Kind { get; init; } = FaceDetectorKind.YuNet;

    /// <summary>YuNet: least score, in (0, 1), for a face to be kept (default 0.6, OpenCV's sample value).</summary>
    public float ScoreThreshold { get; init; } = 0.6f;

    /// <summary>YuNet: boxes overlapping a better one by more than this IoU, in (0, 1], are dropped (default 0.3).</summary>
    public float NmsThreshold { get; init; } = 0.3f;

    /// <summary>
    /// YuNet: longest side, in pixels, of the copy of the frame the network runs on (default 320: a 640x480
    /// frame is searched at 320x240, about 10 ms instead of 39 ms on one core; faces down to about 10 px of
    /// that copy, 20 px of the frame, are still found). Smaller frames run at their own size; boxes and
    /// landmarks are mapped back to full resolution. At least 32.
    /// </summary>
    public int WorkingSize { get; init; } = 320;

    /// <summary>YuNet: an ONNX model file to use instead of the one shipped in this assembly (default null: the shipped one).</summary>
    public string? ModelPath { get; init; }

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
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
