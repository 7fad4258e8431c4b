using EmotionNet.Vision.Faces;
using EmotionNet.Inference.Tracking;

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
        var tracker = new FaceTracker(new TrackerOptions(MaxMissedFrames: 3));
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
        var tracker = new FaceTracker(new TrackerOptions(MaxMissedFrames: 0));
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
        var tracker = new FaceTracker(new TrackerOptions(IouThreshold: 0.3));
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
