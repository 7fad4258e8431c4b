using EmotionNet.Core.Emotions;

namespace EmotionNet.Inference.Segments;

/// <summary>
/// One stretch of one emotion on one face: consecutive processed frames in which the face showed the
/// same label, with no absence longer than <see cref="SegmentOptions.GapSeconds"/>.
/// </summary>
/// <param name="Source">
/// What the frames came from: the file or folder name of a video or image sequence (not its path), the
/// camera's name, or the photo's file name for independent photos (each photo is a source of its own).
/// </param>
/// <param name="TrackId">The face's track id (<c>face_id</c> of frames.csv).</param>
/// <param name="Emotion">The emotion shown (the face's label, after smoothing) on every frame of the segment.</param>
/// <param name="StartSeconds">Time of the segment's first frame.</param>
/// <param name="EndSeconds">
/// Time of its last frame plus one processed-frame interval (<c>Every / fps</c>) for sequences, so a
/// segment covers [start, end) and the next segment of an unbroken face starts where this one ends;
/// for independent photos, which have no time, 0 (and <see cref="Timed"/> is false).
/// </param>
/// <param name="StartFrame">Source frame index of the first frame (frames.csv's <c>frame</c>).</param>
/// <param name="EndFrame">Source frame index of the last frame, inclusive.</param>
/// <param name="Frames">Processed frames in the segment (fewer than <c>EndFrame - StartFrame + 1</c> with Every &gt; 1 or short absences).</param>
/// <param name="MeanConfidence">Mean over the segment's frames of the probability shown for <paramref name="Emotion"/>.</param>
/// <param name="UncertainFrames">Frames of the segment flagged uncertain.</param>
public sealed record EmotionSegment(
    string Source,
    int TrackId,
    Emotion Emotion,
    double StartSeconds,
    double EndSeconds,
    int StartFrame,
    int EndFrame,
    int Frames,
    double MeanConfidence,
    int UncertainFrames)
{
    /// <summary>
    /// False for independent photos, which have no time: <see cref="StartSeconds"/> and <see cref="EndSeconds"/>
    /// are then 0 and mean nothing, and segments.csv/json leave them empty (null).
    /// </summary>
    public bool Timed { get; init; } = true;

    /// <summary><see cref="EndSeconds"/> minus <see cref="StartSeconds"/>.</summary>
    public double DurationSeconds => EndSeconds - StartSeconds;
}
