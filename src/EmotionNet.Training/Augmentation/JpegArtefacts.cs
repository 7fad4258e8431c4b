using System.Runtime.Intrinsics;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// The loss JPEG compression causes to a grey 48x48 face: each 8x8 block's DCT coefficients quantized
/// with the standard luminance table at a quality (the IJG scaling libjpeg uses), then transformed back.
/// The rest of JPEG (Huffman coding, headers) is lossless and needs no imitation. Written out because
/// the training pipeline decodes no images and has no codec; it is cheap (36 blocks a frame).
/// </summary>
internal static class JpegArtefacts
{
    private const int Block = 8;

    // ITU T.81 Annex K, table K.1 (luminance).
    private static readonly int[] Luminance =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
        14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    // Orthonormal DCT-II basis C[u, x], and its transpose.
    private static readonly float[] Basis = CreateBasis();
    private static readonly float[] Transposed = [.. Enumerable.Range(0, Block * Block).Select(i => Basis[i % Block * Block + i / Block])];

    /// <summary>The quantization step of each coefficient at <paramref name="quality"/> (1-100), as libjpeg scales the table.</summary>
    public static float[] Steps(int quality)
    {
        quality = Math.Clamp(quality, 1, 100);
        var scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        return [.. Luminance.Select(q => (float)Math.Clamp((q * scale + 50) / 100, 1, 255))];
    }

    /// <summary>Compresses and decompresses one 48x48 frame in place with the quantization <paramref name="steps"/>.</summary>
    public static void Apply(Span<byte> frame, float[] steps)
    {
        Span<float> block = stackalloc float[Block * Block];
        Span<float> temp = stackalloc float[Block * Block];
        for (var by = 0; by < FaceImage.Side; by += Block)
            for (var bx = 0; bx < FaceImage.Side; bx += Block)
            {
                for (var y = 0; y < Block; y++)
                    for (var x = 0; x < Block; x++)
                        block[y * Block + x] = frame[(by + y) * FaceImage.Side + bx + x] - 128f;
                // F = C X Cᵀ, quantize, X = Cᵀ F C.
                Multiply(Basis, block, temp);
                Multiply(temp, Transposed, block);
                for (var i = 0; i < block.Length; i++) block[i] = MathF.Round(block[i] / steps[i]) * steps[i];
                Multiply(Transposed, block, temp);
                Multiply(temp, Basis, block);
                for (var y = 0; y < Block; y++)
                    for (var x = 0; x < Block; x++)
                        frame[(by + y) * FaceImage.Side + bx + x] = (byte)Math.Clamp(block[y * Block + x] + 128.5f, 0f, 255f);
            }
    }

    // (8x8) = (8x8)(8x8), one output row as a sum of eight 8-float vectors: 64 vector operations per product.
    private static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> product)
    {
        for (var i = 0; i < Block; i++)
        {
            var row = Vector256<float>.Zero;
            for (var k = 0; k < Block; k++) row += Vector256.Create(a[i * Block + k]) * Vector256.Create<float>(b[(k * Block)..]);
            row.CopyTo(product[(i * Block)..]);
        }
    }

    private static float[] CreateBasis()
    {
        var c = new float[Block * Block];
        for (var u = 0; u < Block; u++)
            for (var x = 0; x < Block; x++)
                c[u * Block + x] = (u == 0 ? MathF.Sqrt(1f / Block) : MathF.Sqrt(2f / Block)) * MathF.Cos((2 * x + 1) * u * MathF.PI / (2 * Block));
        return c;
    }
}
