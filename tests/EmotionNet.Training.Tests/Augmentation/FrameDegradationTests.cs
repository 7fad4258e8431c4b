using EmotionNet.Training.Augmentation;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Samples;

namespace EmotionNet.Training.Tests.Augmentation;

public sealed class FrameDegradationTests
{
    private static byte[] Face() => SampleData.Load(ClassSet.Fer7).Training.Frame(5, 0).ToArray();

    private static byte[] Generate(PseudoSequenceOptions options, byte[] face, ulong seed, int length = 1)
    {
        var output = new byte[length * FaceImage.FrameBytes];
        new PseudoSequenceGenerator(options).Generate(face, new int[length], seed, output);
        return output;
    }

    private static (double Mean, double Std) Stats(ReadOnlySpan<byte> frame)
    {
        double sum = 0, squares = 0;
        foreach (var b in frame) { sum += b; squares += b * b; }
        var mean = sum / frame.Length;
        return (mean, Math.Sqrt(squares / frame.Length - mean * mean));
    }

    // Mean absolute difference between neighbouring pixels along rows: how much fine detail a frame has.
    private static double Detail(ReadOnlySpan<byte> frame)
    {
        double sum = 0;
        for (var y = 0; y < FaceImage.Side; y++)
            for (var x = 1; x < FaceImage.Side; x++) sum += Math.Abs(frame[y * FaceImage.Side + x] - frame[y * FaceImage.Side + x - 1]);
        return sum / (FaceImage.Side * (FaceImage.Side - 1));
    }

    [Fact]
    public void Degradation_draws_from_its_own_stream_so_the_rest_of_a_clip_is_unchanged()
    {
        // A certain low-contrast draw with factor exactly 1 changes nothing: every other draw of the clip must be as before.
        var face = Face();
        var neutral = PseudoSequenceOptions.Default with { LowContrastProbability = 1, MinContrast = 1 };
        for (ulong seed = 0; seed < 20; seed++) Assert.Equal(Generate(PseudoSequenceOptions.Default, face, seed, 3), Generate(neutral, face, seed, 3));
    }

    [Fact]
    public void Every_degradation_is_applied_alike_to_each_frame_of_a_clip_and_is_seeded()
    {
        var still = PseudoSequenceOptions.Default with
        {
            MaxRotationDegrees = 0, MaxScale = 0, MaxShiftPixels = 0, DriftPixels = 0, WobbleDegrees = 0, WobblePixels = 0,
            FlipProbability = 0, BrightnessJitter = 0, ContrastJitter = 0, NoiseStd = 0, OcclusionProbability = 0,
            BlurProbability = 1, LowResolutionProbability = 1, JpegProbability = 1, LowContrastProbability = 1,
        };
        var face = Face();
        var clip = Generate(still, face, 11, 3);
        Assert.Equal(clip.AsSpan(0, FaceImage.FrameBytes).ToArray(), clip.AsSpan(2 * FaceImage.FrameBytes, FaceImage.FrameBytes).ToArray());
        Assert.NotEqual(face, clip.AsSpan(0, FaceImage.FrameBytes).ToArray());
        Assert.Equal(clip, Generate(still, face, 11, 3));
        Assert.NotEqual(clip, Generate(still, face, 12, 3));
    }

    [Fact]
    public void Blur_and_low_resolution_keep_a_flat_grey_and_remove_fine_detail()
    {
        var flat = Enumerable.Repeat((byte)140, FaceImage.FrameBytes).ToArray();
        var scratch = new float[FaceImage.FrameBytes];
        foreach (var filter in new[] { SeparableFilter.Gaussian(1.5f), SeparableFilter.LowResolution(12), SeparableFilter.LowResolution(12).After(SeparableFilter.Gaussian(1f)) })
        {
            var copy = flat.ToArray();
            filter.Apply(copy, scratch);
            Assert.All(copy, b => Assert.InRange(b, 139, 141));
            var face = Face();
            var detail = Detail(face);
            filter.Apply(face, scratch);
            Assert.True(Detail(face) < 0.7 * detail, $"detail {Detail(face):F2} of {detail:F2}");
        }
        var identity = Face();
        SeparableFilter.Identity().Apply(identity, scratch);
        Assert.Equal(Face(), identity);
    }

    [Fact]
    public void Jpeg_artefacts_grow_as_the_quality_falls()
    {
        double Error(int quality)
        {
            var face = Face();
            var compressed = face.ToArray();
            JpegArtefacts.Apply(compressed, JpegArtefacts.Steps(quality));
            return face.Zip(compressed, (a, b) => Math.Abs(a - b)).Average();
        }
        var (high, mid, low) = (Error(95), Error(50), Error(5));
        Assert.True(high < 2, $"quality 95 error {high:F2}");
        Assert.True(high < mid && mid < low, $"errors {high:F2} {mid:F2} {low:F2}");
        Assert.True(low > 4, $"quality 5 error {low:F2}");
    }

    [Fact]
    public void Low_contrast_narrows_the_spread_and_keeps_the_brightness()
    {
        var options = PseudoSequenceOptions.Default with
        {
            MaxRotationDegrees = 0, MaxScale = 0, MaxShiftPixels = 0, DriftPixels = 0, WobbleDegrees = 0, WobblePixels = 0,
            FlipProbability = 0, BrightnessJitter = 0, ContrastJitter = 0, NoiseStd = 0, OcclusionProbability = 0,
            LowContrastProbability = 1, MinContrast = 0.4f,
        };
        var face = Face();
        var (mean, std) = Stats(face);
        var dim = Generate(options, face, 3);
        var (dimMean, dimStd) = Stats(dim);
        Assert.InRange(dimMean, mean - 1, mean + 1);
        Assert.InRange(dimStd, 0.39 * std, 0.99 * std);
    }

    [Fact]
    public void Out_of_range_degradation_options_are_refused_naming_the_field()
    {
        var e = Assert.Throws<EmotionNet.Core.Options.OptionsException>(() => (PseudoSequenceOptions.Default with { MinResolution = 48 }).Validate());
        Assert.Contains("MinResolution", e.Message);
        Assert.Throws<EmotionNet.Core.Options.OptionsException>(() => (PseudoSequenceOptions.Default with { JpegProbability = 1.5f }).Validate());
    }
}
