using System.Runtime.Intrinsics;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Training.Augmentation;

/// <summary>
/// A linear image filter that acts on rows and columns alike, as a 48x48 matrix M: output = M X Mᵀ.
/// Blur, a drop to a lower resolution and the way back up are each such a matrix, so a clip's whole
/// optical degradation is one product, built once per clip and applied to each of its frames. Each of
/// these matrices is banded (an output pixel depends on a run of neighbouring input pixels), so products
/// and filtering visit only each row's band: about ten taps instead of 48 (a hot path of training).
/// </summary>
internal sealed class SeparableFilter
{
    private const int Side = FaceImage.Side;
    private readonly float[] m;
    private readonly int[] first = new int[Side];
    private readonly int[] end = new int[Side];

    private SeparableFilter(float[] matrix)
    {
        m = matrix;
        for (var i = 0; i < Side; i++)
        {
            var row = m.AsSpan(i * Side, Side);
            var lo = row.IndexOfAnyExcept(0f);
            first[i] = lo < 0 ? 0 : lo;
            end[i] = lo < 0 ? 0 : row.LastIndexOfAnyExcept(0f) + 1;
        }
    }

    /// <summary>The identity.</summary>
    public static SeparableFilter Identity()
    {
        var m = new float[Side * Side];
        for (var i = 0; i < Side; i++) m[i * Side + i] = 1;
        return new SeparableFilter(m);
    }

    /// <summary>Gaussian blur of standard deviation <paramref name="sigma"/> pixels, edges replicated.</summary>
    public static SeparableFilter Gaussian(float sigma)
    {
        var radius = Math.Max(1, (int)MathF.Ceiling(3 * sigma));
        Span<float> kernel = stackalloc float[2 * radius + 1];
        var sum = 0f;
        for (var k = -radius; k <= radius; k++) sum += kernel[k + radius] = MathF.Exp(-k * k / (2 * sigma * sigma));
        var m = new float[Side * Side];
        for (var i = 0; i < Side; i++)
            for (var k = -radius; k <= radius; k++) m[i * Side + Math.Clamp(i + k, 0, Side - 1)] += kernel[k + radius] / sum;
        return new SeparableFilter(m);
    }

    /// <summary>
    /// The face seen at <paramref name="side"/> x <paramref name="side"/> pixels (area-averaged, as a camera
    /// sensor or a downscale does) and blown back up to 48x48 bilinearly, as inference does with a small face.
    /// </summary>
    public static SeparableFilter LowResolution(int side)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(side, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(side, Side);
        // down: side x 48, each low pixel the coverage-weighted mean of the 48-pixel row it spans.
        var down = new float[side * Side];
        var footprint = Side / (float)side;
        for (var j = 0; j < side; j++)
        {
            float start = j * footprint, end = start + footprint;
            for (var i = (int)start; i < Side && i < end; i++)
                down[j * Side + i] = (Math.Min(end, i + 1) - Math.Max(start, i)) / footprint;
        }
        // up: 48 x side, bilinear with pixel centres aligned (OpenCV's INTER_LINEAR convention), edges clamped.
        var up = new float[Side * side];
        for (var i = 0; i < Side; i++)
        {
            var x = Math.Clamp((i + 0.5f) / footprint - 0.5f, 0, side - 1);
            var x0 = Math.Min((int)x, side - 2);
            var f = x - x0;
            up[i * side + x0] += 1 - f;
            up[i * side + x0 + 1] += f;
        }
        var m = new float[Side * Side];
        for (var i = 0; i < Side; i++)
            for (var j = 0; j < side; j++)
            {
                var u = up[i * side + j];
                if (u == 0) continue;
                for (var k = 0; k < Side; k++) m[i * Side + k] += u * down[j * Side + k];
            }
        return new SeparableFilter(m);
    }

    /// <summary>This filter after <paramref name="first"/>: (this ∘ first).</summary>
    public SeparableFilter After(SeparableFilter first)
    {
        var product = new float[Side * Side];
        for (var i = 0; i < Side; i++)
            for (var j = this.first[i]; j < end[i]; j++)
            {
                var a = m[i * Side + j];
                for (var k = first.first[j]; k < first.end[j]; k++) product[i * Side + k] += a * first.m[j * Side + k];
            }
        return new SeparableFilter(product);
    }

    /// <summary>Filters one 48x48 frame in place (values stay on the 0-255 scale; rounded and clamped).</summary>
    public void Apply(Span<byte> frame, Span<float> scratch)
    {
        // rows: T = X Mᵀ (each row filtered), then columns: Y = M T.
        var t = scratch[..(Side * Side)];
        for (var y = 0; y < Side; y++)
        {
            var row = frame.Slice(y * Side, Side);
            for (var x = 0; x < Side; x++)
            {
                var sum = 0f;
                for (var k = first[x]; k < end[x]; k++) sum += m[x * Side + k] * row[k];
                t[y * Side + x] = sum;
            }
        }
        // Columns: each output row is a weighted sum of the band's rows of T, 48 floats at a time in vectors.
        Span<float> column = stackalloc float[Side];
        for (var y = 0; y < Side; y++)
        {
            column.Clear();
            for (var k = first[y]; k < end[y]; k++)
            {
                var w = Vector256.Create(m[y * Side + k]);
                var source = t.Slice(k * Side, Side);
                for (var x = 0; x < Side; x += Vector256<float>.Count)
                    (Vector256.Create<float>(column[x..]) + w * Vector256.Create<float>(source[x..])).CopyTo(column[x..]);
            }
            for (var x = 0; x < Side; x++) frame[y * Side + x] = (byte)Math.Clamp(column[x] + 0.5f, 0f, 255f);
        }
    }
}
