using EmotionNet.Core.Emotions;
using EmotionNet.Core.Options;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Segments;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tests.Segments;

public class SegmentBuilderTests
{
    private const double Fps = 10;
    private const double Interval = 1 / Fps;

    private static FaceResult Face(int id, Emotion label, float confidence, bool uncertain = false) =>
        new(id, new FaceBox(10 * id, 10, 40, 40), [confidence], label, confidence, uncertain);

    private static FrameResult Frame(int index, params FaceResult[] faces) => new(index, index / Fps, 320, 240, faces);

    // Feeds every frame, then finishes: every segment in the order they closed.
    private static List<EmotionSegment> Run(SegmentBuilder builder, IEnumerable<FrameResult> frames, string source = "clip.avi")
    {
        var closed = new List<EmotionSegment>();
        foreach (var frame in frames) closed.AddRange(builder.Add(frame, source));
        closed.AddRange(builder.Finish());
        return closed;
    }

    [Fact]
    public void A_change_of_emotion_closes_the_segment_at_the_last_frame_and_the_next_starts_where_it_ended()
    {
        var builder = new SegmentBuilder(SegmentOptions.Default, Interval);
        var happy = builder.Add(Frame(0, Face(1, Emotion.Happy, 0.9f)), "clip.avi");
        happy = [.. happy, .. builder.Add(Frame(1, Face(1, Emotion.Happy, 0.7f)), "clip.avi")];
        Assert.Empty(happy);
        Assert.Equal(1, builder.OpenSegments);

        var closed = builder.Add(Frame(2, Face(1, Emotion.Angry, 0.6f)), "clip.avi");

        var first = Assert.Single(closed);
        Assert.Equal(("clip.avi", 1, Emotion.Happy, 0, 1, 2, 0), (first.Source, first.TrackId, first.Emotion, first.StartFrame, first.EndFrame, first.Frames, first.UncertainFrames));
        Assert.Equal(0.0, first.StartSeconds);
        Assert.Equal(0.2, first.EndSeconds, 9); // last frame 0.1 s plus one frame interval
        Assert.Equal(((double)0.9f + 0.7f) / 2, first.MeanConfidence, 12);
        var last = Assert.Single(builder.Finish());
        Assert.Equal((Emotion.Angry, 2, 2, 1), (last.Emotion, last.StartFrame, last.EndFrame, last.Frames));
        Assert.Equal(first.EndSeconds, last.StartSeconds, 9);
        Assert.Equal(0.3, last.EndSeconds, 9);
        Assert.Equal(0, builder.OpenSegments);
    }

    [Fact]
    public void Mean_confidence_is_the_exact_mean_of_the_shown_probability_and_uncertain_frames_are_counted()
    {
        float[] confidences = [0.31f, 0.52f, 0.77f, 0.39f, 0.95f];
        var frames = confidences.Select((c, i) => Frame(i, Face(4, Emotion.Sad, c, uncertain: c < 0.4f)));

        var segment = Assert.Single(Run(new SegmentBuilder(SegmentOptions.Default, Interval), frames));

        Assert.Equal(confidences.Select(c => (double)c).Average(), segment.MeanConfidence, 12);
        Assert.Equal(2, segment.UncertainFrames);
        Assert.Equal((5, 0, 4), (segment.Frames, segment.StartFrame, segment.EndFrame));
        Assert.Equal(0.5, segment.EndSeconds, 9);
    }

    [Fact]
    public void An_absence_up_to_the_gap_keeps_the_segment_and_a_longer_one_splits_it()
    {
        // Seen at frames 0-2, missing 3-7 (0.5 s), back at 8-9, missing 10-15 (0.6 s), back at 16.
        int[] seen = [0, 1, 2, 8, 9, 16];
        var frames = Enumerable.Range(0, 17).Select(i => seen.Contains(i) ? Frame(i, Face(1, Emotion.Neutral, 0.8f)) : Frame(i));

        var segments = Run(new SegmentBuilder(new SegmentOptions { GapSeconds = 0.5 }, Interval), frames);

        Assert.Equal([(0, 9, 5), (16, 16, 1)], segments.Select(s => (s.StartFrame, s.EndFrame, s.Frames)));
        Assert.Equal(1.0, segments[0].EndSeconds, 9);
        var strict = Run(new SegmentBuilder(new SegmentOptions { GapSeconds = 0.45 }, Interval), frames.ToArray());
        Assert.Equal([(0, 2), (8, 9), (16, 16)], strict.Select(s => (s.StartFrame, s.EndFrame)));
    }

    [Fact]
    public void A_face_gone_longer_than_the_gap_is_closed_without_waiting_for_the_end()
    {
        var builder = new SegmentBuilder(new SegmentOptions { GapSeconds = 0.2 }, Interval);
        builder.Add(Frame(0, Face(1, Emotion.Fear, 0.5f), Face(2, Emotion.Happy, 0.6f)), "clip.avi");
        Assert.Empty(builder.Add(Frame(1, Face(2, Emotion.Happy, 0.6f)), "clip.avi"));
        Assert.Empty(builder.Add(Frame(3, Face(2, Emotion.Happy, 0.6f)), "clip.avi")); // face 1 away 0.2 s: still within the gap

        var closed = builder.Add(Frame(4, Face(2, Emotion.Happy, 0.6f)), "clip.avi");

        Assert.Equal(1, Assert.Single(closed).TrackId);
        Assert.Equal(1, builder.OpenSegments); // only the face still in view: memory follows the faces, not the frames
    }

    [Fact]
    public void Two_interleaved_faces_get_segments_of_their_own()
    {
        // Face 1 turns Happy -> Surprise at frame 3; face 2 is Angry throughout but appears only on even frames.
        var frames = Enumerable.Range(0, 6).Select(i =>
        {
            var one = Face(1, i < 3 ? Emotion.Happy : Emotion.Surprise, 0.8f);
            return i % 2 == 0 ? Frame(i, Face(2, Emotion.Angry, 0.6f), one) : Frame(i, one);
        });

        var segments = Run(new SegmentBuilder(SegmentOptions.Default, Interval), frames);

        Assert.Equal(3, segments.Count);
        Assert.Equal([(Emotion.Happy, 0, 2, 3), (Emotion.Surprise, 3, 5, 3)],
            segments.Where(s => s.TrackId == 1).OrderBy(s => s.StartFrame).Select(s => (s.Emotion, s.StartFrame, s.EndFrame, s.Frames)));
        var two = Assert.Single(segments, s => s.TrackId == 2);
        Assert.Equal((Emotion.Angry, 0, 4, 3), (two.Emotion, two.StartFrame, two.EndFrame, two.Frames));
        Assert.Equal(0.5, two.EndSeconds, 9);
    }

    [Fact]
    public void Finish_flushes_every_open_segment_by_start_then_track_and_resets()
    {
        var builder = new SegmentBuilder(SegmentOptions.Default, Interval);
        builder.Add(Frame(0, Face(3, Emotion.Sad, 0.5f)), "a");
        builder.Add(Frame(1, Face(3, Emotion.Sad, 0.5f), Face(2, Emotion.Happy, 0.5f), Face(1, Emotion.Happy, 0.5f)), "a");

        var flushed = builder.Finish();

        Assert.Equal([3, 1, 2], flushed.Select(s => s.TrackId));
        Assert.Empty(builder.Finish());
        Assert.Empty(builder.Add(Frame(0, Face(1, Emotion.Happy, 0.5f)), "a")); // a new run may start again at frame 0
    }

    [Fact]
    public void Independent_photos_are_sources_of_their_own_with_one_frame_segments_and_no_duration()
    {
        var builder = new SegmentBuilder(SegmentOptions.Default, frameInterval: null);
        var photos = new[] { ("a.png", Frame(0, Face(1, Emotion.Happy, 0.9f))), ("b.png", Frame(1, Face(2, Emotion.Happy, 0.9f))) };

        var closed = new List<EmotionSegment>();
        foreach (var (name, frame) in photos) closed.AddRange(builder.Add(frame, name));
        var first = Assert.Single(closed);
        closed.AddRange(builder.Finish());

        Assert.Equal(("a.png", 1), (first.Source, first.TrackId));
        Assert.Equal(["a.png", "b.png"], closed.Select(s => s.Source));
        Assert.All(closed, s => Assert.Equal((1, false), (s.Frames, s.Timed)));
    }

    [Fact]
    public void Frames_out_of_order_and_a_negative_gap_are_refused()
    {
        var builder = new SegmentBuilder(SegmentOptions.Default, Interval);
        builder.Add(Frame(5), "clip.avi");
        Assert.Throws<ArgumentException>(() => builder.Add(Frame(5), "clip.avi"));

        var e = Assert.Throws<OptionsException>(() => new SegmentBuilder(new SegmentOptions { GapSeconds = -0.1 }, Interval));
        Assert.Equal("SegmentOptions.GapSeconds", e.Option);
    }
}
