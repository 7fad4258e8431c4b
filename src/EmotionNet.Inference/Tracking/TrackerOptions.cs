using EmotionNet.Core;
using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Tracking;

/// <summary>Settings of the face tracker (IoU matching, constant-velocity prediction, appearance re-identification).</summary>
/// <param name="IouThreshold">Least intersection-over-union between a track's predicted box and a detection for the detection to continue the track (default 0.3).</param>
/// <param name="MaxMissedFrames">
/// Processed frames a track may go undetected and still be matched by overlap (default 15). Its box is
/// predicted over at most this many frames; after that it is lost (no longer matched by overlap, only
/// re-identified by appearance, see <paramref name="KeepLostFrames"/>).
/// </param>
/// <param name="Predict">
/// Move each box with its face's measured velocity (constant-velocity model, velocity averaged over
/// detections) between detections and while the face is missed (default true). Off: a box stays where
/// it was last detected, as before 2026-12.
/// </param>
/// <param name="Reidentify">
/// Match a detection that overlaps no track to a missed or lost track by appearance and position
/// instead of starting a new id (default true). Off: every unmatched detection starts a new id, as before 2026-12.
/// </param>
/// <param name="KeepLostFrames">
/// Processed frames a lost track is kept, after <paramref name="MaxMissedFrames"/>, for re-identification
/// (default 150: 5 s at 30 fps). Its id stays reserved and its recognizer history is kept meanwhile.
/// </param>
/// <param name="MinSimilarity">
/// Least appearance similarity (cosine of the <see cref="FaceAppearance"/> descriptors, in [-1, 1]) for
/// re-identification (default 0.7; checked by a test against the three sample faces found with shifted and
/// rescaled boxes, see docs/inference.md).
/// </param>
/// <param name="ReidMaxDistance">
/// Farthest a re-identified face may be from its track's predicted position, in face widths between
/// the centres (default 3), so that a similar-looking face across the frame does not take the id soon
/// after its track was missed. The gate widens by as much again for every <paramref name="MaxMissedFrames"/>
/// frames the track has been missed (a face gone for long may come back anywhere; appearance decides).
/// </param>
public sealed record TrackerOptions(
    double IouThreshold = 0.3,
    int MaxMissedFrames = 15,
    bool Predict = true,
    bool Reidentify = true,
    int KeepLostFrames = 150,
    double MinSimilarity = 0.7,
    double ReidMaxDistance = 3)
{
    /// <summary>The defaults.</summary>
    public static TrackerOptions Default { get; } = new();

    /// <summary>The tracker before prediction and re-identification (greedy IoU only, boxes kept between detections), for comparisons.</summary>
    public static TrackerOptions IouOnly { get; } = new(Predict: false, Reidentify: false, KeepLostFrames: 0);

    /// <summary>Throws an <see cref="EmotionNetException"/> naming the first out-of-range field.</summary>
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
