using EmotionNet.Options;
namespace EmotionNet.Inference.Tracking;

/// <summary>Settings of the IoU face tracker.</summary>
/// <param name="IouThreshold">Least intersection-over-union for a detection to continue a track (default 0.3).</param>
/// <param name="MaxMissedFrames">Processed frames a track may go undetected before it ends (default 15).</param>
public sealed record TrackerOptions(double IouThreshold = 0.3, int MaxMissedFrames = 15)
{
    /// <summary>The defaults.</summary>
    public static TrackerOptions Default { get; } = new();

    /// <summary>Throws an <see cref="EmotionNetException"/> naming the first out-of-range field.</summary>
    public TrackerOptions Validate()
    {
        var check = new OptionCheck(nameof(TrackerOptions));
        check.Require(IouThreshold, IouThreshold is > 0 and <= 1, "must be in (0, 1]");
        check.Require(MaxMissedFrames, MaxMissedFrames >= 0, "must be 0 or more");
        return this;
    }
}
