using EmotionNet.Core.Imaging;

namespace EmotionNet.Inference.Tracking;

/// <summary>
/// A cheap appearance descriptor of a 48x48 face crop for re-identification: the crop averaged down to
/// 8x8 (6x6-pixel blocks, so a few pixels of box jitter barely move it), minus its mean, scaled to unit
/// length (so brightness and contrast changes cancel). Two descriptors compare by their dot product,
/// the cosine similarity: 1 for the same pattern. Computed in the face stage from the crop the model
/// gets anyway, so it costs about 2304 additions a face; it does not wait for the model's thread.
/// </summary>
public static class FaceAppearance
{
    /// <summary>Cells per side of the descriptor.</summary>
    public const int Cells = 8;

    /// <summary>Length of a descriptor.</summary>
    public const int Length = Cells * Cells;

    /// <summary>The descriptor of a 48x48 grey crop (2304 bytes, row by row).</summary>
    public static float[] Describe(ReadOnlySpan<byte> face)
    {
        if (face.Length != FaceImage.FrameBytes)
            throw new ArgumentException($"Expected {FaceImage.FrameBytes} bytes, got {face.Length}.", nameof(face));
        const int block = FaceImage.Side / Cells;
        var d = new float[Length];
        for (var y = 0; y < FaceImage.Side; y++)
        {
            var row = face.Slice(y * FaceImage.Side, FaceImage.Side);
            var cellRow = y / block * Cells;
            for (var x = 0; x < FaceImage.Side; x++) d[cellRow + x / block] += row[x];
        }
        Normalize(d);
        return d;
    }

    /// <summary>Cosine similarity of two descriptors, in [-1, 1].</summary>
    public static double Similarity(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Descriptors of different lengths.", nameof(b));
        double dot = 0;
        for (var i = 0; i < a.Length; i++) dot += a[i] * b[i];
        return Math.Clamp(dot, -1, 1);
    }

    /// <summary>Moves <paramref name="average"/> towards <paramref name="current"/> by <paramref name="weight"/> and renormalizes it.</summary>
    public static void Blend(Span<float> average, ReadOnlySpan<float> current, float weight)
    {
        for (var i = 0; i < average.Length; i++) average[i] = (1 - weight) * average[i] + weight * current[i];
        Normalize(average);
    }

    // Zero mean, unit length; a flat crop (no pattern) stays all zero and so is similar to nothing.
    private static void Normalize(Span<float> d)
    {
        float mean = 0;
        foreach (var v in d) mean += v;
        mean /= d.Length;
        double norm = 0;
        for (var i = 0; i < d.Length; i++)
        {
            d[i] -= mean;
            norm += d[i] * d[i];
        }
        norm = Math.Sqrt(norm);
        if (norm < 1e-6) { d.Clear(); return; }
        for (var i = 0; i < d.Length; i++) d[i] = (float)(d[i] / norm);
    }
}
