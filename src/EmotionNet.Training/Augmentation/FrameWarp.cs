using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// One frame's geometric and photometric change, applied in a single pass: an inverse affine map
/// (output pixel to source point, sampled bilinearly with edge replication), then
/// <c>value * Contrast + Offset + noise * NoiseStd</c>, rounded and clamped to 0-255.
/// </summary>
internal readonly record struct FrameWarp(float A, float B, float Tx, float C, float D, float Ty, float Contrast, float Offset, float NoiseStd)
{
    private const float Center = (FaceImage.Side - 1) / 2f;
    private const float MaxCoordinate = FaceImage.Side - 1 - 1e-3f;

    /// <summary>
    /// The warp that rotates by <paramref name="degrees"/>, zooms by <paramref name="scale"/> about the
    /// centre and then shifts by (<paramref name="shiftX"/>, <paramref name="shiftY"/>), after mirroring when <paramref name="flip"/>.
    /// </summary>
    public static FrameWarp Create(float degrees, float scale, float shiftX, float shiftY, bool flip, float contrast, float offset, float noiseStd)
    {
        var radians = degrees * (MathF.PI / 180f);
        var cos = MathF.Cos(radians) / scale;
        var sin = MathF.Sin(radians) / scale;
        // source = R(-angle) / scale * (output - centre - shift) + centre
        var ox = -Center - shiftX;
        var oy = -Center - shiftY;
        float a = cos, b = sin, tx = cos * ox + sin * oy + Center;
        float c = -sin, d = cos, ty = -sin * ox + cos * oy + Center;
        if (flip) (a, b, tx) = (-a, -b, FaceImage.Side - 1 - tx);
        return new FrameWarp(a, b, tx, c, d, ty, contrast, offset, noiseStd);
    }

    public void Apply(ReadOnlySpan<byte> source, Span<byte> destination, ReadOnlySpan<float> noise)
    {
        const int side = FaceImage.Side;
        source = source[..FaceImage.FrameBytes];
        destination = destination[..FaceImage.FrameBytes];
        noise = noise[..FaceImage.FrameBytes];
        for (var y = 0; y < side; y++)
        {
            var u = B * y + Tx;
            var v = D * y + Ty;
            var row = y * side;
            for (var x = 0; x < side; x++, u += A, v += C)
            {
                var uc = Math.Clamp(u, 0f, MaxCoordinate);
                var vc = Math.Clamp(v, 0f, MaxCoordinate);
                var x0 = (int)uc;
                var y0 = (int)vc;
                var fx = uc - x0;
                var fy = vc - y0;
                var i = y0 * side + x0;
                float p00 = source[i], p01 = source[i + 1], p10 = source[i + side], p11 = source[i + side + 1];
                var top = p00 + (p01 - p00) * fx;
                var bottom = p10 + (p11 - p10) * fx;
                var value = (top + (bottom - top) * fy) * Contrast + Offset + noise[row + x] * NoiseStd;
                destination[row + x] = (byte)Math.Clamp(value + 0.5f, 0f, 255f);
            }
        }
    }
}
