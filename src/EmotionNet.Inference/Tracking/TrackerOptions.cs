using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Tracking;

/// <summary>Settings of the face tracker (IoU matching, constant-velocity prediction, appearance re-identification).</summary>
public sealed record TrackerOptions
{
    /// <summary>The defaults.</summary>
    public static TrackerOptions Default { get; } = new();

    /// <summary>The tracker before prediction and re-identification (greedy IoU only, boxes kept between detections), for comparisons.</summary>
    public static TrackerOptions IouOnly { get; } = new() { Predict = false, Reidentify = false, KeepLostFrames = 0 };

    /// <summary>Least intersection-over-union, in (0, 1], between a track's predicted box and a detection for the detection to continue the track (default 0.3).</summary>
    public double IouThreshold { get; init; } = 0.3;

    /// <summary>
    /// Processed frames a track may go undetected and still be matched by overlap (default 15; 0 or more). Its box is
    /// predicted over at most this many frames; after that it is lost (no longer matched by overlap, only
    /// re-identified by appearance, see <see cref="KeepLostFrames"/>).
    /// </summary>
    public int MaxMissedFrames { get; init; } = 15;

    /// <summary>
    /// Move each box with its face's measured velocity (constant-velocity model, velocity averaged over
    /// detections) between detections and while the face is missed (default true). Off: a box stays where
    /// it was last detected, as before 2026-12.
    /// </summary>
    public bool Predict { get; init; } = true;

    /// <summary>
    /// Match a detection that overlaps no track to a missed or lost track by appearance and position
    /// instead of starting a new id (default true). Off: every unmatched detection starts a new id, as before 2026-12.
    /// </summary>
    public bool Reidentify { get; init; } = true;

    /// <summary>
    /// Processed frames a lost track is kept, after <see cref="MaxMissedFrames"/>, for re-identification
    /// (default 150: 5 s at 30 fps; 0 or more). Its id stays reserved and its recognizer history is kept meanwhile.
    /// </summary>
    public int KeepLostFrames { get; init; } = 150;

    /// <summary>
    /// Least appearance similarity (cosine of the <see cref="FaceAppearance"/> descriptors, in [-1, 1]) for
    /// re-identification (default 0.7; checked by a test against the three sample faces found with shifted and
    /// rescaled boxes, see docs/inference.md).
    /// </summary>
    public double MinSimilarity { get; init; } = 0.7;

    /// <summary>
    /// Farthest a re-identified face may be from its track's predicted position, in face widths between
    /// the centres (default 3; positive), so that a similar-looking face across the frame does not take the id soon
    /// after its track was missed. The gate widens by as much again for every <see cref="MaxMissedFrames"/>
    /// frames the track has been missed (a face gone for long may come back anywhere; appearance decides).
    /// </summary>
    public double ReidMaxDistance { get; init; } = 3;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public TrackerOptions Validate()
    {
        var check = new OptionCheck(nameof(TrackerOptions));
        check.Require(IouThreshold, IouThreshold is > 0 and <= 1, "must be in (0, 1]");
        check.Require(MaxMissedFrames, MaxMissedFrames >= 0, "must be 0 or more");
        check.Require(KeepLostFrames, KeepLostFrames >= 0, "must be 0 or more");
        check.Require(MinSimilarity, MinSimilarity is >= -1 and <= 1, "must be in [-1, 1]");
        check.Require(ReidMaxDistance, ReidMaxDistance > 0 && double.IsFinite(ReidMaxDistance), "must be positive");
        return this;
    }
}
