using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Segments;

/// <summary>
/// Cuts frame results, given in order, into <see cref="EmotionSegment"/>s as they stream by: a face's
/// segment ends when its label changes, when it has been absent longer than
/// <see cref="SegmentOptions.GapSeconds"/>, when the source changes (each independent photo is its own
/// source), or at <see cref="Finish"/>. It keeps one open segment per face currently seen (or absent
/// within the gap), never the frames, so an hours-long recording costs no more memory than a short one.
/// </summary>
public sealed class SegmentBuilder
{
    private static readonly EmotionSegment[] None = [];

    // Times are frame index / fps; the tolerance keeps an absence of exactly GapSeconds from splitting on rounding.
    private const double TimeTolerance = 1e-9;

    private readonly SegmentOptions options;
    private readonly double? frameInterval;
    private readonly Dictionary<int, Open> open = [];
    private readonly HashSet<int> seen = [];
    private string? source;
    private int lastFrame = int.MinValue;

    /// <summary>Starts with no open segment.</summary>
    /// <param name="options">How segments are cut (validated here).</param>
    /// <param name="frameInterval">
    /// Seconds one processed frame stands for (<c>Every / fps</c>) for a sequence: added to a segment's
    /// last frame time to give its end, and not counted as absence. Null for independent photos, which
    /// have no time: their segments are <see cref="EmotionSegment.Timed"/> false.
    /// </param>
    public SegmentBuilder(SegmentOptions options, double? frameInterval)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (frameInterval is { } interval && !(interval >= 0 && double.IsFinite(interval)))
            throw new ArgumentOutOfRangeException(nameof(frameInterval), interval, "The frame interval must be 0 or more seconds.");
        this.options = options;
        this.frameInterval = frameInterval;
    }

    /// <summary>Segments still open (faces seen within the gap); the builder's whole state.</summary>
    public int OpenSegments => open.Count;

    /// <summary>
    /// Adds one processed frame of <paramref name="frameSource"/>; returns the segments it closed (by start
    /// frame, then track id), usually none.
    /// </summary>
    /// <exception cref="ArgumentException">The frame is not after the previous one of the same source.</exception>
    public IReadOnlyList<EmotionSegment> Add(FrameResult frame, string frameSource)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(frameSource);
        List<EmotionSegment>? closed = null;
        if (source is not null && source != frameSource) CloseAll(ref closed);
        else if (frame.FrameIndex <= lastFrame)
            throw new ArgumentException($"Frame {frame.FrameIndex} comes after frame {lastFrame}: frames must be added in order.", nameof(frame));
        source = frameSource;
        lastFrame = frame.FrameIndex;

        seen.Clear();
        foreach (var face in frame.Faces)
        {
            if (!seen.Add(face.FaceId)) continue; // a tracker gives an id once per frame; a repeat would count the frame twice
            if (open.TryGetValue(face.FaceId, out var segment))
            {
                if (segment.Emotion == face.Label && !Gone(segment, frame.TimeSeconds))
                {
                    segment.Extend(frame, face);
                    continue;
                }
                Close(segment, ref closed);
            }
            open[face.FaceId] = new Open(frameSource, face.FaceId, face.Label, frame, face);
        }
        // A face that stays away longer than the gap is closed now rather than when (if ever) it returns.
        List<Open>? gone = null;
        foreach (var segment in open.Values)
        {
            if (!seen.Contains(segment.TrackId) && Gone(segment, frame.TimeSeconds)) (gone ??= []).Add(segment);
        }
        foreach (var segment in gone ?? []) Close(segment, ref closed);
        return closed is null ? None : Sorted(closed);
    }

    /// <summary>Closes and returns every open segment (by start frame, then track id): the end of the source.</summary>
    public IReadOnlyList<EmotionSegment> Finish()
    {
        List<EmotionSegment>? closed = null;
        CloseAll(ref closed);
        source = null;
        lastFrame = int.MinValue;
        return closed is null ? None : Sorted(closed);
    }

    private bool Gone(Open segment, double now) => now - segment.LastSeconds - (frameInterval ?? 0) > options.GapSeconds + TimeTolerance;

    private void Close(Open segment, ref List<EmotionSegment>? closed)
    {
        (closed ??= []).Add(segment.ToSegment(frameInterval));
        open.Remove(segment.TrackId);
    }

    private void CloseAll(ref List<EmotionSegment>? closed)
    {
        foreach (var segment in open.Values) (closed ??= []).Add(segment.ToSegment(frameInterval));
        open.Clear();
    }

    private static EmotionSegment[] Sorted(List<EmotionSegment> segments) =>
        segments.OrderBy(s => s.StartFrame).ThenBy(s => s.TrackId).ToArray();

    /// <summary>A segment still growing: sums, not frames.</summary>
    private sealed class Open
    {
        public Open(string source, int trackId, Emotion emotion, FrameResult frame, FaceResult face)
        {
            Source = source;
            TrackId = trackId;
            Emotion = emotion;
            StartSeconds = frame.TimeSeconds;
            StartFrame = frame.FrameIndex;
            Extend(frame, face);
        }

        public string Source { get; }
        public int TrackId { get; }
        public Emotion Emotion { get; }
        public double StartSeconds { get; }
        public int StartFrame { get; }
        public double LastSeconds { get; private set; }
        public int LastFrame { get; private set; }
        public int Frames { get; private set; }
        public double ConfidenceSum { get; private set; }
        public int Uncertain { get; private set; }

        public void Extend(FrameResult frame, FaceResult face)
        {
            LastSeconds = frame.TimeSeconds;
            LastFrame = frame.FrameIndex;
            Frames++;
            // Confidence is the probability of the label, which is this segment's emotion on every frame.
            ConfidenceSum += face.Confidence;
            if (face.Uncertain) Uncertain++;
        }

        public EmotionSegment ToSegment(double? frameInterval) =>
            frameInterval is { } interval
                ? new(Source, TrackId, Emotion, StartSeconds, LastSeconds + interval, StartFrame, LastFrame, Frames, ConfidenceSum / Frames, Uncertain)
                : new(Source, TrackId, Emotion, 0, 0, StartFrame, LastFrame, Frames, ConfidenceSum / Frames, Uncertain) { Timed = false }; // independent photos
    }
}
