using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// A fixed table of standard-normal values, read at a random offset per frame: drawing 2304 fresh
/// normals per frame (a log, a square root and a sine each) would cost more than the warp itself.
/// Built from a constant seed, so it is the same in every process.
/// </summary>
internal static class GaussianTable
{
    public const int Period = 1 << 16;

    /// <summary><see cref="Period"/> values plus one frame's worth, so a frame never wraps.</summary>
    public static ReadOnlySpan<float> Values => values;

    private static readonly float[] values = Build();

    private static float[] Build()
    {
        var table = new float[Period + FaceImage.FrameBytes];
        var rng = new SplitMix64(0x5EED_0F_0015E);
        for (var i = 0; i < Period; i += 2)
        {
            // Box-Muller: two independent normals from two uniforms in (0, 1].
            var u1 = 1f - rng.NextFloat();
            var u2 = rng.NextFloat();
            var r = MathF.Sqrt(-2f * MathF.Log(u1));
            table[i] = r * MathF.Cos(2f * MathF.PI * u2);
            table[i + 1] = r * MathF.Sin(2f * MathF.PI * u2);
        }
        Array.Copy(table, 0, table, Period, FaceImage.FrameBytes);
        return table;
    }
}
