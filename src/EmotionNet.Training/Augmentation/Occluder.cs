using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// A flat rectangle (black or mid-grey, like a hand or an object) over part of the face for a
/// contiguous run of frames; <see cref="None"/> when the clip has none.
/// </summary>
internal readonly record struct Occluder(int X, int Y, int Width, int Height, byte Level, int FirstFrame, int LastFrame)
{
    public static Occluder None { get; } = new(0, 0, 0, 0, 0, -1, -2);

    public static Occluder Draw(ref SplitMix64 rng, PseudoSequenceOptions options, int length)
    {
        // Always draw the same values so that later draws do not depend on whether a clip is occluded.
        var occluded = rng.Chance(options.OcclusionProbability);
        var max = options.MaxOcclusionFraction * FaceImage.Side;
        var width = Math.Max(1, (int)rng.Uniform(max / 2, max));
        var height = Math.Max(1, (int)rng.Uniform(max / 2, max));
        var x = rng.NextInt(FaceImage.Side - width + 1);
        var y = rng.NextInt(FaceImage.Side - height + 1);
        var level = rng.Chance(0.5f) ? (byte)0 : (byte)128;
        var frames = 1 + rng.NextInt(length);
        var first = rng.NextInt(length - frames + 1);
        return occluded ? new Occluder(x, y, width, height, level, first, first + frames - 1) : None;
    }

    public void Apply(Span<byte> frame, int t)
    {
        if (t < FirstFrame || t > LastFrame) return;
        for (var row = Y; row < Y + Height; row++) frame.Slice(row * FaceImage.Side + X, Width).Fill(Level);
    }
}
