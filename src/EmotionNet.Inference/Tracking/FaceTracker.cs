using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tracking;

/// <summary>
/// Gives faces stable ids across frames: each frame's detections are matched to live tracks
/// greedily by intersection over union (best pair first, at least <see cref="TrackerOptions.IouThreshold"/>);
/// unmatched detections start new tracks with ever increasing ids; a track not matched for more than
/// <see cref="TrackerOptions.MaxMissedFrames"/> frames ends. Not thread-safe: one tracker per stream.
/// </summary>
public sealed class FaceTracker
{
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

    /// <summary>Ids of the tracks still alive (seen now or missed for at most MaxMissedFrames frames).</summary>
    public IReadOnlyCollection<int> LiveTrackIds => tracks.Select(t => t.Id).ToArray();

    /// <summary>Matches one frame's detections to tracks and returns them with their ids, in detection order.</summary>
    public IReadOnlyList<TrackedFace> Update(IReadOnlyList<FaceBox> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var pairs = new List<(double Iou, int Track, int Detection)>();
        for (var t = 0; t < tracks.Count; t++)
            for (var d = 0; d < detections.Count; d++)
            {
                var iou = tracks[t].Box.IntersectionOverUnion(detections[d]);
                if (iou >= Options.IouThreshold) pairs.Add((iou, t, d));
            }
        // Best overlap first; ties go to the older track, then the earlier detection, so results are deterministic.
        pairs.Sort((a, b) => b.Iou != a.Iou ? b.Iou.CompareTo(a.Iou) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Detection.CompareTo(b.Detection));

        var trackOf = new int[detections.Count];
        Array.Fill(trackOf, -1);
        var trackUsed = new bool[tracks.Count];
        foreach (var (_, t, d) in pairs)
        {
            if (trackUsed[t] || trackOf[d] >= 0) continue;
            trackUsed[t] = true;
            trackOf[d] = t;
        }

        var result = new TrackedFace[detections.Count];
        for (var d = 0; d < detections.Count; d++)
        {
            if (trackOf[d] >= 0)
            {
                var track = tracks[trackOf[d]];
                track.Box = detections[d];
                track.Missed = 0;
                result[d] = new TrackedFace(track.Id, track.Box, false);
            }
        }
        for (var t = tracks.Count - 1; t >= 0; t--)
        {
            if (trackUsed[t]) continue;
            if (++tracks[t].Missed > Options.MaxMissedFrames) tracks.RemoveAt(t);
        }
        for (var d = 0; d < detections.Count; d++)
        {
            if (trackOf[d] >= 0) continue;
            var track = new Track(nextId++, detections[d]);
            tracks.Add(track);
            result[d] = new TrackedFace(track.Id, track.Box, true);
        }
        return result;
    }

    private sealed class Track(int id, FaceBox box)
    {
        public int Id { get; } = id;
        public FaceBox Box { get; set; } = box;
        public int Missed { get; set; }
    }
}
