using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Segments;

/// <summary>How frame results are cut into <see cref="EmotionSegment"/>s.</summary>
public sealed record SegmentOptions
{
    /// <summary>The defaults.</summary>
    public static SegmentOptions Default { get; } = new();

    /// <summary>
    /// Longest absence of a face that does not end its segment, in seconds, &gt;= 0 (default 0.5). The
    /// absence is the time between the frame the face was last seen in and the frame it is seen again,
    /// less one processed-frame interval, so consecutive frames have none. 0.5 s (15 frames at 30 fps, as
    /// <see cref="Tracking.TrackerOptions.MaxMissedFrames"/>) bridges a blink of the detector, a hand
    /// passing or a turned head; a face gone longer starts a new segment when it returns, even with the
    /// same emotion. 0 splits at any missed frame.
    /// </summary>
    public double GapSeconds { get; init; } = 0.5;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public SegmentOptions Validate()
    {
        var check = new OptionCheck(nameof(SegmentOptions));
        check.Require(GapSeconds, GapSeconds >= 0 && double.IsFinite(GapSeconds), "must be 0 or more seconds");
        return this;
    }
}
