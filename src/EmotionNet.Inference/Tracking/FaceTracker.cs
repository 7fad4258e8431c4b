using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tracking;

/// <summary>
/// Gives faces stable ids across frames. Each track predicts where its face is now from the velocity
/// measured between its detections (<see cref="TrackerOptions.Predict"/>). A frame's detections are
/// matched in two passes: first by overlap with the predicted boxes of tracks missed for at most
/// <see cref="TrackerOptions.MaxMissedFrames"/> frames (greedy, best intersection over union first, at
/// least <see cref="TrackerOptions.IouThreshold"/>); then, with <see cref="TrackerOptions.Reidentify"/>,
/// a detection left over is given back to a missed or lost track whose face looks the same
/// (<see cref="FaceAppearance"/> similarity at least <see cref="TrackerOptions.MinSimilarity"/>) and is
/// near where that track was predicted (<see cref="TrackerOptions.ReidMaxDistance"/> face widths, widening
/// by as much again for every MaxMissedFrames frames the track has been missed). Detections left
/// after both start new tracks with ever increasing ids. A lost track is dropped after
/// MaxMissedFrames + <see cref="TrackerOptions.KeepLostFrames"/> frames without a match.
/// Not thread-safe: one tracker per stream.
/// </summary>
public sealed class FaceTracker
{
    // How much one detection moves a track's velocity and appearance: averaging over a few detections
    // absorbs the detector's box jitter (a few pixels a frame) and one odd crop.
    private const double VelocityWeight = 0.5;
    private const float AppearanceWeight = 0.3f;
    // Frames without a detection after which a face's old velocity is replaced rather than averaged.
    private const int LongGap = 15;

    private readonly List<Track> tracks = [];
    private int nextId = 1;

    /// <summary>Creates a tracker with <paramref name="options"/> (defaults when null).</summary>
    public FaceTracker(TrackerOptions? options = null)
    {
        Options = options ?? TrackerOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public TrackerOptions Options { get; }

    /// <summary>Ids of the tracks kept: seen now, missed, or lost but kept for re-identification.</summary>
    public IReadOnlyCollection<int> LiveTrackIds => tracks.Select(t => t.Id).ToArray();

    /// <summary>Detections given back to a missed or lost track by appearance (the second pass) so far.</summary>
    public int Reidentifications { get; private set; }

    /// <summary>Forgets every track (ids already handed out are not reused): the next frame is unrelated to the last.</summary>
    public void Reset() => tracks.Clear();

    /// <summary>Matches one frame's detections to tracks and returns them with their ids, in detection order.</summary>
    /// <param name="detections">The frame's face boxes.</param>
    /// <param name="appearances">Each detection's <see cref="FaceAppearance"/> descriptor, in the same order; null disables re-identification for this frame.</param>
    public IReadOnlyList<TrackedFace> Update(IReadOnlyList<FaceBox> detections, IReadOnlyList<float[]>? appearances = null)
    {
        ArgumentNullException.ThrowIfNull(detections);
        if (appearances is not null && appearances.Count != detections.Count)
            throw new ArgumentException($"{appearances.Count} appearance(s) for {detections.Count} detection(s).", nameof(appearances));

        var predicted = tracks.Select(t => t.PredictedBox(Options)).ToArray();
        var trackOf = new int[detections.Count];
        Array.Fill(trackOf, -1);
        var trackUsed = new bool[tracks.Count];
        var reidentified = new bool[tracks.Count];
        MatchByOverlap(detections, predicted, trackOf, trackUsed);
        if (Options.Reidentify && appearances is not null) MatchByAppearance(detections, appearances, predicted, trackOf, trackUsed, reidentified);

        var result = new TrackedFace[detections.Count];
        for (var d = 0; d < detections.Count; d++)
        {
            if (trackOf[d] < 0) continue;
            var track = tracks[trackOf[d]];
            if (reidentified[trackOf[d]]) Reidentifications++;
            track.Observe(detections[d], appearances?[d]);
            result[d] = new TrackedFace(track.Id, track.Box, false);
        }
        for (var t = tracks.Count - 1; t >= 0; t--)
        {
            if (trackUsed[t]) continue;
            tracks[t].Miss();
            if (tracks[t].Missed > Options.MaxMissedFrames + (Options.Reidentify ? Options.KeepLostFrames : 0)) tracks.RemoveAt(t);
        }
        for (var d = 0; d < detections.Count; d++)
        {
            if (trackOf[d] >= 0) continue;
            var track = new Track(nextId++, detections[d], appearances?[d]);
            tracks.Add(track);
            result[d] = new TrackedFace(track.Id, track.Box, true);
        }
        return result;
    }

    /// <summary>
    /// A frame without detection (between detections with DetectEvery &gt; 1): returns the faces seen at
    /// the last detection frame, each at its predicted box (its last box with <see cref="TrackerOptions.Predict"/> off).
    /// </summary>
    public IReadOnlyList<TrackedFace> Coast()
    {
        var result = new List<TrackedFace>();
        foreach (var track in tracks)
        {
            var visible = track.Visible;
            track.Coast();
            if (visible) result.Add(new TrackedFace(track.Id, track.PredictedBox(Options, ahead: 0), false, IsPredicted: true));
        }
        return result;
    }

    private void MatchByOverlap(IReadOnlyList<FaceBox> detections, FaceBox[] predicted, int[] trackOf, bool[] trackUsed)
    {
        var pairs = new List<(double Iou, int Track, int Detection)>();
        for (var t = 0; t < tracks.Count; t++)
        {
            if (tracks[t].Missed > Options.MaxMissedFrames) continue; // lost: only re-identification may bring it back
            for (var d = 0; d < detections.Count; d++)
            {
                var iou = predicted[t].IntersectionOverUnion(detections[d]);
                if (iou >= Options.IouThreshold) pairs.Add((iou, t, d));
            }
        }
        // Best overlap first; ties go to the older track, then the earlier detection, so results are deterministic.
        pairs.Sort((a, b) => b.Iou != a.Iou ? b.Iou.CompareTo(a.Iou) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Detection.CompareTo(b.Detection));
        foreach (var (_, t, d) in pairs)
        {
            if (trackUsed[t] || trackOf[d] >= 0) continue;
            trackUsed[t] = true;
            trackOf[d] = t;
        }
    }

    private void MatchByAppearance(IReadOnlyList<FaceBox> detections, IReadOnlyList<float[]> appearances, FaceBox[] predicted, int[] trackOf, bool[] trackUsed, bool[] reidentified)
    {
        var pairs = new List<(double Similarity, int Track, int Detection)>();
        for (var t = 0; t < tracks.Count; t++)
        {
            if (trackUsed[t] || tracks[t].Appearance is not { } appearance) continue;
            var p = predicted[t];
            for (var d = 0; d < detections.Count; d++)
            {
                if (trackOf[d] >= 0) continue;
                var box = detections[d];
                // A face far from where its track should be, or of a very different size, is someone else.
                var side = Math.Max(Math.Max(p.Width, box.Width), 1);
                var dx = (box.X + box.Width / 2.0) - (p.X + p.Width / 2.0);
                var dy = (box.Y + box.Height / 2.0) - (p.Y + p.Height / 2.0);
                // The longer a face has been gone, the farther it may have gone: the gate widens by
                // ReidMaxDistance face widths for every MaxMissedFrames frames missed.
                var reach = Options.ReidMaxDistance * side * (1 + (double)tracks[t].Missed / Math.Max(1, Options.MaxMissedFrames));
                if (Math.Sqrt(dx * dx + dy * dy) > reach) continue;
                var ratio = (double)box.Width / Math.Max(p.Width, 1);
                if (ratio is < 0.5 or > 2) continue;
                var similarity = FaceAppearance.Similarity(appearance, appearances[d]);
                if (similarity >= Options.MinSimilarity) pairs.Add((similarity, t, d));
            }
        }
        pairs.Sort((a, b) => b.Similarity != a.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Detection.CompareTo(b.Detection));
        foreach (var (_, t, d) in pairs)
        {
            if (trackUsed[t] || trackOf[d] >= 0) continue;
            trackUsed[t] = true;
            reidentified[t] = true;
            trackOf[d] = t;
        }
    }

    /// <summary>One face's track: its last detected box, velocity (pixels per processed frame) and appearance.</summary>
    private sealed class Track(int id, FaceBox box, float[]? appearance)
    {
        private double vx;
        private double vy;
        private int observations = 1;

        public int Id { get; } = id;
        public FaceBox Box { get; private set; } = box;
        public float[]? Appearance { get; private set; } = appearance is null ? null : (float[])appearance.Clone();

        /// <summary>Processed frames since the last detection of this face (0 on the frame it was detected).</summary>
        public int Missed { get; private set; }

        /// <summary>Matched at the last detection frame.</summary>
        public bool Visible { get; private set; } = true;

        /// <summary>The box <paramref name="ahead"/> frames after the current one (1: the next frame), extrapolated over at most MaxMissedFrames frames since the detection.</summary>
        public FaceBox PredictedBox(TrackerOptions options, int ahead = 1)
        {
            if (!options.Predict) return Box;
            var frames = Math.Min(Missed + ahead, options.MaxMissedFrames);
            return Box with { X = Box.X + (int)Math.Round(vx * frames), Y = Box.Y + (int)Math.Round(vy * frames) };
        }

        public void Observe(FaceBox detection, float[]? seen)
        {
            var gap = Missed + 1;
            var mx = (detection.X + detection.Width / 2.0 - (Box.X + Box.Width / 2.0)) / gap;
            var my = (detection.Y + detection.Height / 2.0 - (Box.Y + Box.Height / 2.0)) / gap;
            // The second detection sets the velocity outright; later ones move it part of the way. After a
            // long gap (a re-identified face) the old velocity says little: the mean over the gap replaces it.
            var weight = observations == 1 || gap > LongGap ? 1 : VelocityWeight;
            vx += weight * (mx - vx);
            vy += weight * (my - vy);
            observations++;
            Box = detection;
            Missed = 0;
            Visible = true;
            if (seen is null) return;
            if (Appearance is null) Appearance = (float[])seen.Clone();
            else FaceAppearance.Blend(Appearance, seen, AppearanceWeight);
        }

        public void Miss()
        {
            Missed++;
            Visible = false;
        }

        public void Coast() => Missed++;
    }
}
