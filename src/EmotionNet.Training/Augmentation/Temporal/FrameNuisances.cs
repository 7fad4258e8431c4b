using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>
/// The pixel side of <see cref="FrameNuisance"/>: corrupts one 48x48 grey frame in place. The corruption is
/// a pure function of the kind and the seed, so a burst (one seed) looks the same on all its frames.
/// </summary>
public static class FrameNuisances
{
    /// <summary>
    /// Corrupts <paramref name="frame"/> (2304 bytes) with <paramref name="kind"/>. <see cref="FrameNuisance.Repeat"/>
    /// and <see cref="FrameNuisance.None"/> leave it as it is: a repeat is the caller's copy of an earlier frame.
    /// </summary>
    public static void Apply(FrameNuisance kind, Span<byte> frame, ulong seed)
    {
        if (frame.Length < FaceImage.FrameBytes) throw new ArgumentException("A frame is 2304 bytes.", nameof(frame));
        frame = frame[..FaceImage.FrameBytes];
        var rng = new SplitMix64(seed);
        switch (kind)
        {
            case FrameNuisance.Occlusion: Occlude(frame, ref rng); break;
            case FrameNuisance.Blur: BoxBlur(frame, 2 + rng.NextInt(2)); break;
            case FrameNuisance.Misalignment: Misalign(frame, ref rng); break;
            case FrameNuisance.Flicker: Flicker(frame, ref rng); break;
            case FrameNuisance.None or FrameNuisance.Repeat: break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown nuisance.");
        }
    }

    private static void Occlude(Span<byte> frame, ref SplitMix64 rng)
    {
        // A hand over the mouth or eyes: 30-60 % of the side, anywhere, black or grey.
        const int side = FaceImage.Side;
        var width = (int)rng.Uniform(0.3f * side, 0.6f * side);
        var height = (int)rng.Uniform(0.3f * side, 0.6f * side);
        var x = rng.NextInt(side - width + 1);
        var y = rng.NextInt(side - height + 1);
        var level = rng.Chance(0.5f) ? (byte)20 : (byte)128;
        new Occluder(x, y, width, height, level, FirstFrame: 0, LastFrame: 0).Apply(frame, 0); // the pseudo-sequences' occluder, on this one frame
    }

    private static void BoxBlur(Span<byte> frame, int radius)
    {
        const int side = FaceImage.Side;
        Span<float> pass = stackalloc float[FaceImage.FrameBytes];
        // Separable: rows into pass, then columns back into frame; edges average what is inside the image.
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                float sum = 0; var n = 0;
                for (var k = Math.Max(0, x - radius); k <= Math.Min(side - 1, x + radius); k++, n++) sum += frame[y * side + k];
                pass[y * side + x] = sum / n;
            }
        for (var y = 0; y < side; y++)
            for (var x = 0; x < side; x++)
            {
                float sum = 0; var n = 0;
                for (var k = Math.Max(0, y - radius); k <= Math.Min(side - 1, y + radius); k++, n++) sum += pass[k * side + x];
                frame[y * side + x] = (byte)Math.Clamp(sum / n + 0.5f, 0, 255);
            }
    }

    private static void Misalign(Span<byte> frame, ref SplitMix64 rng)
    {
        // Beyond PseudoSequenceOptions' ranges (4 px, 10 degrees, 10 %): a box that jumped to the wrong place.
        var dx = Sign(ref rng) * rng.Uniform(5, 10);
        var dy = Sign(ref rng) * rng.Uniform(4, 9);
        var degrees = rng.Symmetric(20);
        var scale = rng.Chance(0.5f) ? rng.Uniform(0.75f, 0.88f) : rng.Uniform(1.15f, 1.3f);
        Span<byte> source = stackalloc byte[FaceImage.FrameBytes];
        frame.CopyTo(source);
        Span<float> noNoise = stackalloc float[FaceImage.FrameBytes];
        FrameWarp.Create(degrees, scale, dx, dy, flip: false, contrast: 1, offset: 0, noiseStd: 0).Apply(source, frame, noNoise);
    }

    private static void Flicker(Span<byte> frame, ref SplitMix64 rng)
    {
        var offset = Sign(ref rng) * rng.Uniform(50, 90);
        for (var i = 0; i < frame.Length; i++) frame[i] = (byte)Math.Clamp(frame[i] + offset, 0, 255);
    }

    private static float Sign(ref SplitMix64 rng) => rng.Chance(0.5f) ? 1f : -1f;
}
