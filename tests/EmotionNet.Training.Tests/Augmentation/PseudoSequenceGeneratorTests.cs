using EmotionNet.Core.Data;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Samples;
using EmotionNet.Training.Augmentation;

namespace EmotionNet.Training.Tests.Augmentation;

public class PseudoSequenceGeneratorTests
{
    private static readonly PseudoSequenceOptions Nothing = new()
    {
        MaxRotationDegrees = 0, MaxScale = 0, MaxShiftPixels = 0, DriftPixels = 0, WobbleDegrees = 0, WobblePixels = 0,
        FlipProbability = 0, BrightnessJitter = 0, ContrastJitter = 0, NoiseStd = 0, OcclusionProbability = 0,
    };

    private static byte[] Face() => SampleData.Load(ClassSet.Fer7).Training.Frame(3, 0).ToArray();

    private static byte[] Generate(PseudoSequenceOptions options, byte[] face, int length, ulong seed)
    {
        var output = new byte[length * FaceImage.FrameBytes];
        new PseudoSequenceGenerator(options).Generate(face, new int[length], seed, output);
        return output;
    }

    [Fact]
    public void Same_seed_gives_identical_clips_and_different_seeds_differ()
    {
        var face = Face();
        var a = Generate(PseudoSequenceOptions.Default, face, 8, 42);
        var b = Generate(PseudoSequenceOptions.Default, face, 8, 42);
        var c = Generate(PseudoSequenceOptions.Default, face, 8, 43);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Frames_of_a_pseudo_sequence_move_but_stay_close()
    {
        var clip = Generate(PseudoSequenceOptions.Default with { OcclusionProbability = 0 }, Face(), 8, 7);
        var first = clip.AsSpan(0, FaceImage.FrameBytes);
        var second = clip.AsSpan(FaceImage.FrameBytes, FaceImage.FrameBytes);
        var last = clip.AsSpan(7 * FaceImage.FrameBytes, FaceImage.FrameBytes);
        Assert.False(first.SequenceEqual(second));
        // Neighbouring frames differ less than the first and last: a smooth trajectory.
        Assert.True(MeanAbsoluteDifference(first, second) < MeanAbsoluteDifference(first, last));
    }

    [Fact]
    public void With_every_jitter_off_it_returns_the_face_unchanged()
    {
        var face = Face();
        var clip = Generate(Nothing, face, 3, 1);
        for (var t = 0; t < 3; t++) Assert.Equal(face, clip[(t * FaceImage.FrameBytes)..((t + 1) * FaceImage.FrameBytes)]);
    }

    [Fact]
    public void A_certain_flip_mirrors_the_face_exactly()
    {
        var face = Face();
        var clip = Generate(Nothing with { FlipProbability = 1 }, face, 1, 1);
        for (var y = 0; y < 48; y++)
            for (var x = 0; x < 48; x++)
                Assert.Equal(face[y * 48 + 47 - x], clip[y * 48 + x]);
    }

    [Fact]
    public void Shift_only_moves_pixels_by_whole_or_fractional_steps_within_range()
    {
        // T=1 with only a crop-like shift: the output is the face displaced by at most MaxShiftPixels.
        var face = new byte[FaceImage.FrameBytes];
        face[24 * 48 + 24] = 255;
        var clip = Generate(Nothing with { MaxShiftPixels = 4 }, face, 1, 99);
        var brightest = Array.IndexOf(clip, clip.Max());
        Assert.InRange(Math.Abs(brightest / 48 - 24), 0, 5);
        Assert.InRange(Math.Abs(brightest % 48 - 24), 0, 5);
    }

    [Fact]
    public void Occlusion_paints_a_flat_rectangle()
    {
        var face = Face();
        var clip = Generate(Nothing with { OcclusionProbability = 1 }, face, 1, 5);
        var changed = Enumerable.Range(0, FaceImage.FrameBytes).Where(i => clip[i] != face[i]).ToArray();
        Assert.NotEmpty(changed);
        Assert.Single(changed.Select(i => clip[i]).Distinct());
    }

    [Fact]
    public void Out_of_range_options_are_rejected_by_name()
    {
        var e = Assert.Throws<OptionsException>(() => new PseudoSequenceGenerator(PseudoSequenceOptions.Default with { FlipProbability = 2 }));
        Assert.Contains(nameof(PseudoSequenceOptions.FlipProbability), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clip_seeds_differ_by_epoch_and_clip()
    {
        var seeds = new[] { PseudoSequenceGenerator.ClipSeed(1, 0, 0), PseudoSequenceGenerator.ClipSeed(1, 1, 0), PseudoSequenceGenerator.ClipSeed(1, 0, 1), PseudoSequenceGenerator.ClipSeed(2, 0, 0) };
        Assert.Equal(seeds.Length, seeds.Distinct().Count());
        Assert.Equal(PseudoSequenceGenerator.ClipSeed(1, 0, 0), seeds[0]);
    }

    [Theory]
    [InlineData(10, 4, new[] { 1, 3, 6, 8 })]
    [InlineData(2, 4, new[] { 0, 1, 1, 1 })]
    [InlineData(3, 3, new[] { 0, 1, 2 })]
    [InlineData(5, 1, new[] { 2 })]
    public void Clip_frames_are_sampled_evenly_or_padded_with_the_last(int frames, int length, int[] expected)
    {
        var indices = new int[length];
        ClipFrames.Sample(frames, indices);
        Assert.Equal(expected, indices);
    }

    private static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / (double)a.Length;
    }
}
