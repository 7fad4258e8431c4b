using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// Makes training clips that look like a short video of a face (see <see cref="PseudoSequenceOptions"/>).
/// Stateless apart from its options: every clip is a pure function of its source frames and its seed,
/// so results are identical across runs and thread counts, and one instance is safe on many threads.
/// </summary>
public sealed class PseudoSequenceGenerator
{
    /// <summary>Creates a generator.</summary>
    /// <exception cref="EmotionNetException">An option is out of range.</exception>
    public PseudoSequenceGenerator(PseudoSequenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The recipe.</summary>
    public PseudoSequenceOptions Options { get; }

    /// <summary>The seed of clip <paramref name="clipIndex"/> in <paramref name="epoch"/>: a 64-bit mix of the three, so clips and epochs get unrelated streams.</summary>
    public static ulong ClipSeed(int baseSeed, int epoch, int clipIndex) =>
        SplitMix64.Mix(unchecked((uint)baseSeed), unchecked((uint)epoch), unchecked((uint)clipIndex));

    /// <summary>Makes one clip of T = <paramref name="indices"/>.Length frames.</summary>
    /// <param name="frames">The source clip's frames, 2304 bytes each (one frame for a still face).</param>
    /// <param name="indices">The source frame of each output frame (see <see cref="ClipFrames.Sample"/>).</param>
    /// <param name="seed">The clip's seed, e.g. <see cref="ClipSeed"/>.</param>
    /// <param name="destination">T x 2304 bytes, grey levels 0-255.</param>
    public void Generate(ReadOnlySpan<byte> frames, ReadOnlySpan<int> indices, ulong seed, Span<byte> destination)
    {
        var length = indices.Length;
        if (destination.Length < length * FaceImage.FrameBytes) throw new ArgumentException("destination is smaller than T frames.", nameof(destination));
        var o = Options;
        var rng = new SplitMix64(seed);

        var flip = rng.Chance(o.FlipProbability);
        float shiftX = rng.Symmetric(o.MaxShiftPixels), shiftY = rng.Symmetric(o.MaxShiftPixels);
        float rotation0 = rng.Symmetric(o.MaxRotationDegrees), rotation1 = rng.Symmetric(o.MaxRotationDegrees);
        float zoom0 = rng.Symmetric(o.MaxScale), zoom1 = rng.Symmetric(o.MaxScale);
        float driftX0 = rng.Symmetric(o.DriftPixels), driftX1 = rng.Symmetric(o.DriftPixels);
        float driftY0 = rng.Symmetric(o.DriftPixels), driftY1 = rng.Symmetric(o.DriftPixels);
        float bright0 = rng.Symmetric(o.BrightnessJitter), bright1 = rng.Symmetric(o.BrightnessJitter);
        float contrast0 = rng.Symmetric(o.ContrastJitter), contrast1 = rng.Symmetric(o.ContrastJitter);
        // Less than two cycles per clip keeps the wobble a slow sway rather than a tremor.
        var wobbleCycles = rng.Uniform(0.3f, 1.5f);
        float phaseR = rng.Uniform(0, MathF.Tau), phaseX = rng.Uniform(0, MathF.Tau), phaseY = rng.Uniform(0, MathF.Tau), phaseB = rng.Uniform(0, MathF.Tau);
        var occluder = Occluder.Draw(ref rng, o, length);
        var degradation = FrameDegradation.Draw(seed, o);
        var scratch = degradation.IsNone ? [] : new float[FaceImage.FrameBytes];

        var noise = GaussianTable.Values;
        var lastSource = -1;
        var mean = 0f;
        for (var t = 0; t < length; t++)
        {
            // Frame time in [0, 1]; a single frame sits mid-way, a random pose of the trajectory.
            var tau = length == 1 ? 0.5f : t / (float)(length - 1);
            var ease = tau * tau * (3f - 2f * tau);
            var wave = MathF.Tau * wobbleCycles * tau;
            var rotation = Lerp(rotation0, rotation1, ease) + o.WobbleDegrees * MathF.Sin(wave + phaseR);
            var scale = 1f + Lerp(zoom0, zoom1, ease);
            var dx = shiftX + Lerp(driftX0, driftX1, ease) + o.WobblePixels * MathF.Sin(wave + phaseX);
            var dy = shiftY + Lerp(driftY0, driftY1, ease) + o.WobblePixels * MathF.Sin(wave + phaseY);
            // Lighting flicker: the start-to-end change plus a sway of a quarter of the jitter.
            var brightness = Lerp(bright0, bright1, ease) + 0.25f * o.BrightnessJitter * MathF.Sin(wave + phaseB);
            var contrast = 1f + Lerp(contrast0, contrast1, ease);

            var source = frames.Slice(indices[t] * FaceImage.FrameBytes, FaceImage.FrameBytes);
            if (indices[t] != lastSource)
            {
                mean = Mean(source);
                lastSource = indices[t];
            }
            // Contrast pivots on the frame's mean grey so that it does not also shift brightness.
            var warp = FrameWarp.Create(rotation, scale, dx, dy, flip, contrast, mean * (1f - contrast) + brightness, o.NoiseStd);
            var target = destination.Slice(t * FaceImage.FrameBytes, FaceImage.FrameBytes);
            warp.Apply(source, target, noise.Slice(rng.NextInt(GaussianTable.Period), FaceImage.FrameBytes));
            occluder.Apply(target, t);
            degradation.Apply(target, scratch);
        }
    }

    private static float Lerp(float a, float b, float t) => a + (b - a) * t;

    private static float Mean(ReadOnlySpan<byte> frame)
    {
        var sum = 0;
        foreach (var b in frame) sum += b;
        return sum / (float)frame.Length;
    }
}
