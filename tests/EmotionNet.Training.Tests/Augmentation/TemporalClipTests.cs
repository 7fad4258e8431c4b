using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Training.Augmentation;
using EmotionNet.Training.Augmentation.Temporal;

namespace EmotionNet.Training.Tests.Augmentation;

public class TemporalClipTests
{
    private static byte[] Face(int seed)
    {
        var random = new Random(seed);
        var face = new byte[FaceImage.FrameBytes];
        random.NextBytes(face);
        return face;
    }

    [Fact]
    public void A_plan_is_a_pure_function_of_options_and_seed()
    {
        var a = TemporalClipPlan.Create(TemporalClipOptions.Default, 7);
        var b = TemporalClipPlan.Create(TemporalClipOptions.Default, 7);
        Assert.Equal(a.SegmentCount, b.SegmentCount);
        for (var t = 0; t < a.Length; t++)
        {
            Assert.Equal(a.Nuisance(t), b.Nuisance(t));
            Assert.Equal(a.TargetSegment(t), b.TargetSegment(t));
        }
    }

    [Fact]
    public void Segments_respect_the_shortest_length_and_changes_follow_their_probabilities()
    {
        var options = TemporalClipOptions.Default with { Length = 48, MinSegmentFrames = 8 };
        var counts = new int[4];
        for (ulong seed = 0; seed < 2000; seed++)
        {
            var plan = TemporalClipPlan.Create(options, seed);
            counts[plan.SegmentCount]++;
            for (var s = 0; s < plan.SegmentCount; s++)
            {
                var end = s + 1 < plan.SegmentCount ? plan.SegmentStart(s + 1) : plan.Length;
                Assert.True(end - plan.SegmentStart(s) >= 8, $"seed {seed}: segment {s} has {end - plan.SegmentStart(s)} frames");
            }
        }
        // 40 % constant, 60 % x 70 % one change, 60 % x 30 % two changes.
        Assert.InRange(counts[1] / 2000.0, 0.36, 0.44);
        Assert.InRange(counts[2] / 2000.0, 0.38, 0.46);
        Assert.InRange(counts[3] / 2000.0, 0.14, 0.22);
    }

    [Fact]
    public void Repeated_frames_show_the_frame_before_their_burst_and_take_its_target()
    {
        var options = TemporalClipOptions.Default with { Nuisance = new NuisanceOptions { BurstProbability = 0.3f, MaxBurstFrames = 4 } };
        var repeats = 0;
        for (ulong seed = 0; seed < 300; seed++)
        {
            var plan = TemporalClipPlan.Create(options, seed);
            Assert.NotEqual(FrameNuisance.Repeat, plan.Nuisance(0));
            for (var t = 0; t < plan.Length; t++)
            {
                if (plan.Nuisance(t) != FrameNuisance.Repeat) { Assert.Equal(t, plan.ContentFrame(t)); continue; }
                repeats++;
                var shown = plan.ContentFrame(t);
                Assert.True(shown < t);
                Assert.NotEqual(FrameNuisance.Repeat, plan.Nuisance(shown));
                Assert.Equal(plan.SegmentOf(shown), plan.TargetSegment(t));
            }
        }
        Assert.True(repeats > 100);
    }

    [Fact]
    public void Without_nuisances_the_renderer_gives_the_pseudo_sequence_of_each_segment_face()
    {
        var options = TemporalClipOptions.Default with
        {
            Length = 20, ChangeProbability = 1, SecondChangeProbability = 0, MinSegmentFrames = 10,
            Nuisance = new NuisanceOptions { BurstProbability = 0 },
        };
        var plan = TemporalClipPlan.Create(options, 3);
        Assert.Equal(2, plan.SegmentCount);
        Assert.Equal(10, plan.SegmentStart(1));
        var faces = Face(1).Concat(Face(2)).ToArray();
        var clip = new byte[20 * FaceImage.FrameBytes];
        new TemporalClipRenderer(options).Render(plan, faces, 11, clip);

        var expected = new byte[10 * FaceImage.FrameBytes];
        var generator = new PseudoSequenceGenerator(options.Motion);
        generator.Generate(faces.AsSpan(FaceImage.FrameBytes, FaceImage.FrameBytes), new int[10], SplitMix64.Mix(11, 1, 0x5E6), expected);
        Assert.Equal(expected, clip[(10 * FaceImage.FrameBytes)..]);
    }

    [Fact]
    public void A_repeated_frame_is_a_copy_of_the_frame_it_shows()
    {
        var options = TemporalClipOptions.Default with { Nuisance = new NuisanceOptions { BurstProbability = 0.3f } };
        var renderer = new TemporalClipRenderer(options);
        for (ulong seed = 0; seed < 20; seed++)
        {
            var plan = TemporalClipPlan.Create(options, seed);
            var faces = Enumerable.Range(0, plan.SegmentCount).SelectMany(s => Face(s)).ToArray();
            var clip = new byte[plan.Length * FaceImage.FrameBytes];
            renderer.Render(plan, faces, seed, clip);
            for (var t = 0; t < plan.Length; t++)
                if (plan.Nuisance(t) == FrameNuisance.Repeat)
                    Assert.Equal(clip.AsSpan(plan.ContentFrame(t) * FaceImage.FrameBytes, FaceImage.FrameBytes).ToArray(), clip.AsSpan(t * FaceImage.FrameBytes, FaceImage.FrameBytes).ToArray());
        }
    }

    [Theory]
    [InlineData(FrameNuisance.Occlusion)]
    [InlineData(FrameNuisance.Blur)]
    [InlineData(FrameNuisance.Misalignment)]
    [InlineData(FrameNuisance.Flicker)]
    public void Each_pixel_nuisance_changes_the_frame_the_same_way_for_one_seed(FrameNuisance kind)
    {
        var face = Face(5);
        var a = (byte[])face.Clone();
        var b = (byte[])face.Clone();
        FrameNuisances.Apply(kind, a, 99);
        FrameNuisances.Apply(kind, b, 99);
        Assert.Equal(a, b);
        var changed = a.Zip(face).Count(p => p.First != p.Second);
        Assert.True(changed > FaceImage.FrameBytes / 20, $"{kind} changed only {changed} pixels");
    }

    [Fact]
    public void None_and_repeat_leave_the_frame_alone()
    {
        var face = Face(6);
        var copy = (byte[])face.Clone();
        FrameNuisances.Apply(FrameNuisance.None, copy, 1);
        FrameNuisances.Apply(FrameNuisance.Repeat, copy, 1);
        Assert.Equal(face, copy);
    }

    [Fact]
    public void Out_of_range_options_name_the_field()
    {
        var e = Assert.Throws<OptionsException>(() => TemporalClipPlan.Create(TemporalClipOptions.Default with { MinSegmentFrames = 30 }, 1));
        Assert.Contains("MinSegmentFrames", e.Message, StringComparison.Ordinal);
        var n = Assert.Throws<OptionsException>(() => new TemporalClipRenderer(TemporalClipOptions.Default with { Nuisance = new NuisanceOptions { MaxBurstFrames = 0 } }));
        Assert.Contains("MaxBurstFrames", n.Message, StringComparison.Ordinal);
    }
}
