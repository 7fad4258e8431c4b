using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tests;

public class FaceTrackerTests
{
    [Fact]
    public void A_moving_face_keeps_its_id()
    {
        var tracker = new FaceTracker();
        var ids = Enumerable.Range(0, 30).Select(i => Assert.Single(tracker.Update([new FaceBox(100 + i * 8, 100, 120, 120)])).TrackId).ToArray();
        Assert.All(ids, id => Assert.Equal(1, id));
    }

    [Fact]
    public void Two_faces_get_two_stable_ids_even_when_listed_in_another_order()
    {
        var tracker = new FaceTracker();
        var first = tracker.Update([new FaceBox(0, 0, 100, 100), new FaceBox(300, 0, 100, 100)]);
        var second = tracker.Update([new FaceBox(305, 5, 100, 100), new FaceBox(5, 5, 100, 100)]);
        Assert.Equal([1, 2], first.Select(f => f.TrackId));
        Assert.Equal([2, 1], second.Select(f => f.TrackId));
        Assert.All(second, f => Assert.False(f.IsNew));
    }

    [Fact]
    public void A_track_survives_max_missed_frames_and_then_ends()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxMissedFrames = 3, KeepLostFrames = 0 });
        var box = new FaceBox(50, 50, 100, 100);
        tracker.Update([box]);
        for (var i = 0; i < 3; i++) tracker.Update([]);
        Assert.Equal(1, Assert.Single(tracker.Update([box])).TrackId);
        for (var i = 0; i < 4; i++) tracker.Update([]);
        Assert.Empty(tracker.LiveTrackIds);
        var reborn = Assert.Single(tracker.Update([box]));
        Assert.Equal(2, reborn.TrackId);
        Assert.True(reborn.IsNew);
    }

    [Fact]
    public void New_ids_increase_monotonically_and_are_never_reused()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxMissedFrames = 0 });
        var seen = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            seen.Add(Assert.Single(tracker.Update([new FaceBox(i * 300, 0, 100, 100)])).TrackId);
            tracker.Update([]);
        }
        Assert.Equal([1, 2, 3, 4, 5], seen);
    }

    [Fact]
    public void A_jump_below_the_iou_threshold_starts_a_new_track()
    {
        var tracker = new FaceTracker(new TrackerOptions { IouThreshold = 0.3 });
        tracker.Update([new FaceBox(0, 0, 100, 100)]);
        var moved = tracker.Update([new FaceBox(70, 0, 100, 100)]); // IoU 30/170 = 0.18
        Assert.Equal(2, Assert.Single(moved).TrackId);
    }

    [Fact]
    public void Each_detection_and_each_track_is_matched_at_most_once()
    {
        var tracker = new FaceTracker();
        tracker.Update([new FaceBox(0, 0, 100, 100)]);
        var two = tracker.Update([new FaceBox(5, 0, 100, 100), new FaceBox(10, 0, 100, 100)]);
        Assert.Equal([1, 2], two.Select(f => f.TrackId));
    }
}

public class FaceTrackerMotionAndReidTests
{
    private static float[] Look(int seed)
    {
        var rng = new Random(seed);
        var pixels = new byte[EmotionNet.Core.Imaging.FaceImage.FrameBytes];
        rng.NextBytes(pixels);
        return FaceAppearance.Describe(pixels);
    }

    [Fact]
    public void Between_detections_the_box_moves_with_the_measured_velocity()
    {
        var tracker = new FaceTracker();
        tracker.Update([new FaceBox(100, 50, 80, 80)]);
        tracker.Update([new FaceBox(110, 54, 80, 80)]); // 10 px right, 4 down a frame
        var first = Assert.Single(tracker.Coast());
        var second = Assert.Single(tracker.Coast());
        Assert.Equal(new FaceBox(120, 58, 80, 80), first.Box);
        Assert.Equal(new FaceBox(130, 62, 80, 80), second.Box);
        Assert.True(first.IsPredicted);
        // The next detection overlaps the prediction: same id, velocity measured over the 3-frame gap.
        Assert.Equal(1, Assert.Single(tracker.Update([new FaceBox(140, 66, 80, 80)])).TrackId);
    }

    [Fact]
    public void Without_prediction_a_box_stays_where_it_was_detected()
    {
        var tracker = new FaceTracker(TrackerOptions.IouOnly);
        tracker.Update([new FaceBox(100, 50, 80, 80)]);
        tracker.Update([new FaceBox(110, 54, 80, 80)]);
        Assert.Equal(new FaceBox(110, 54, 80, 80), Assert.Single(tracker.Coast()).Box);
    }

    [Fact]
    public void A_fast_face_keeps_its_id_with_prediction_and_loses_it_without()
    {
        // 40 px a frame on a 100 px face: detected on frames 0 and 1 (that gives the velocity), then every
        // 3rd frame, 120 px further each time: no overlap with the last detected box.
        int Ids(TrackerOptions options)
        {
            var tracker = new FaceTracker(options);
            var ids = new HashSet<int>();
            for (var i = 0; i < 28; i++)
            {
                var box = new FaceBox(i * 40, 100, 100, 100);
                if (i <= 1 || (i - 1) % 3 == 0) foreach (var f in tracker.Update([box])) ids.Add(f.TrackId);
                else tracker.Coast();
            }
            return ids.Count;
        }
        Assert.Equal(1, Ids(TrackerOptions.Default with { Reidentify = false }));
        Assert.Equal(9, Ids(TrackerOptions.IouOnly));
    }

    [Fact]
    public void A_face_back_after_missed_frames_gets_its_id_again_by_appearance()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxMissedFrames = 2 });
        var face = Look(1);
        tracker.Update([new FaceBox(100, 100, 100, 100)], [face]);
        for (var i = 0; i < 20; i++) tracker.Update([], []); // lost after 2, kept for re-identification
        Assert.Contains(1, tracker.LiveTrackIds);
        var back = Assert.Single(tracker.Update([new FaceBox(220, 120, 100, 100)], [face]));
        Assert.Equal(1, back.TrackId);
        Assert.False(back.IsNew);
        Assert.Equal(1, tracker.Reidentifications);
    }

    [Fact]
    public void The_reidentification_gate_widens_with_the_time_a_face_was_gone()
    {
        var face = Look(1);
        var tracker = new FaceTracker(new TrackerOptions { MaxMissedFrames = 15, ReidMaxDistance = 3 });
        tracker.Update([new FaceBox(0, 0, 100, 100)], [face]);
        for (var i = 0; i < 45; i++) tracker.Update([], []); // gate: 3 widths x (1 + 45/15) = 1200 px
        Assert.Equal(1, Assert.Single(tracker.Update([new FaceBox(600, 0, 100, 100)], [face])).TrackId);
    }

    [Fact]
    public void Someone_else_in_the_same_place_gets_a_new_id()
    {
        var tracker = new FaceTracker(new TrackerOptions { MaxMissedFrames = 2 });
        tracker.Update([new FaceBox(100, 100, 100, 100)], [Look(1)]);
        for (var i = 0; i < 5; i++) tracker.Update([], []);
        Assert.Equal(2, Assert.Single(tracker.Update([new FaceBox(100, 100, 100, 100)], [Look(2)])).TrackId);
    }

    [Fact]
    public void The_same_face_far_away_or_after_the_keep_time_gets_a_new_id()
    {
        var face = Look(1);
        // Missed for one frame: the gate is 3 widths (plus 1/15 of that), and 600 px is farther.
        var far = new FaceTracker(new TrackerOptions { ReidMaxDistance = 3 });
        far.Update([new FaceBox(0, 0, 100, 100)], [face]);
        far.Update([], []);
        Assert.Equal(2, Assert.Single(far.Update([new FaceBox(600, 0, 100, 100)], [face])).TrackId);

        var late = new FaceTracker(new TrackerOptions { MaxMissedFrames = 2, KeepLostFrames = 10 });
        late.Update([new FaceBox(0, 0, 100, 100)], [face]);
        for (var i = 0; i < 13; i++) late.Update([], []);
        Assert.Empty(late.LiveTrackIds);
        Assert.Equal(2, Assert.Single(late.Update([new FaceBox(0, 0, 100, 100)], [face])).TrackId);
    }

    [Fact]
    public void Without_reidentification_a_returning_face_starts_a_new_id_as_before()
    {
        var face = Look(1);
        var tracker = new FaceTracker(TrackerOptions.IouOnly with { MaxMissedFrames = 2 });
        tracker.Update([new FaceBox(100, 100, 100, 100)], [face]);
        for (var i = 0; i < 3; i++) tracker.Update([], []);
        Assert.Equal(2, Assert.Single(tracker.Update([new FaceBox(100, 100, 100, 100)], [face])).TrackId);
    }

    [Fact]
    public void Reset_forgets_the_tracks_but_never_reuses_an_id()
    {
        var tracker = new FaceTracker();
        tracker.Update([new FaceBox(0, 0, 100, 100)], [Look(1)]);
        tracker.Reset();
        Assert.Empty(tracker.LiveTrackIds);
        Assert.Equal(2, Assert.Single(tracker.Update([new FaceBox(0, 0, 100, 100)], [Look(1)])).TrackId);
    }

    [Fact]
    public void Crops_of_the_same_sample_face_are_similar_and_of_different_faces_less_so()
    {
        // Each sample face in a 130 px box, then found again with boxes a detector might give: shifted 4 px,
        // 8 % larger, both. Every such pair must clear the re-identification threshold; no two faces may.
        var same = new List<(string, double)>();
        var crops = new Dictionary<string, float[]>();
        foreach (var name in EmotionNet.TestSupport.SyntheticScene.FaceFiles)
        {
            using var face = EmotionNet.TestSupport.SyntheticScene.LoadFace(name);
            var box = new FaceBox(100, 80, 130, 130);
            using var frame = EmotionNet.TestSupport.SyntheticScene.Compose(400, 300, [(face, box)]);
            crops[name] = FaceAppearance.Describe(FaceCropper.Crop(frame, box));
            foreach (var found in new[] { new FaceBox(104, 84, 130, 130), new FaceBox(95, 75, 140, 140), new FaceBox(99, 79, 140, 140), new FaceBox(103, 83, 122, 122) })
                same.Add(($"{name} {found}", FaceAppearance.Similarity(crops[name], FaceAppearance.Describe(FaceCropper.Crop(frame, found)))));
        }
        var different = new List<(string, double)>();
        var names = crops.Keys.ToArray();
        for (var i = 0; i < names.Length; i++)
            for (var j = i + 1; j < names.Length; j++)
                different.Add(($"{names[i]} vs {names[j]}", FaceAppearance.Similarity(crops[names[i]], crops[names[j]])));
        var all = string.Join("; ", same.Concat(different).Select(p => $"{p.Item1}: {p.Item2:0.000}"));
        var threshold = TrackerOptions.Default.MinSimilarity;
        Assert.True(same.All(p => p.Item2 >= threshold) && different.All(p => p.Item2 < threshold), all);
    }
}
