using EmotionNet.Core.Options;

namespace EmotionNet.Core.Imaging;

/// <summary>
/// How grey bytes become model inputs: optionally each frame's grey levels stretched to the full
/// 0-255 range, then <c>(value / 255 - Mean) / Std</c>. Stored in every checkpoint (as JSON: <c>mean</c>,
/// <c>std</c>, <c>stretchContrast</c>) so inference normalizes exactly as training did.
/// </summary>
public sealed record InputNormalization
{
    /// <summary>The default used for FER2013.</summary>
    public static InputNormalization Default { get; } = new();

    /// <summary>Mean of the [0, 1] grey values (default 0.5, close to FER2013's 0.508); finite.</summary>
    public float Mean { get; init; } = 0.5f;

    /// <summary>Standard deviation of the [0, 1] grey values (default 0.25, close to FER2013's 0.255); positive and finite.</summary>
    public float Std { get; init; } = 0.25f;

    /// <summary>
    /// Stretch each frame's grey levels linearly so its darkest pixel is 0 and its brightest 255 before the
    /// mean and standard deviation are applied (default false; a frame of one grey level becomes 0).
    /// FER2013's faces are stored stretched like that, a face cut from a photo is not: a model that expects
    /// stretched faces sees them at inference too (docs/model-card.md measures both).
    /// </summary>
    public bool StretchContrast { get; init; }

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public InputNormalization Validate()
    {
        var check = new OptionCheck(nameof(InputNormalization));
        check.Require(Mean, float.IsFinite(Mean), "must be a finite number");
        check.Require(Std, Std > 0 && float.IsFinite(Std), "must be positive and finite");
        return this;
    }

    /// <summary>The mean and std step for one grey level (after any stretch; whole frames go through <see cref="Normalize"/>).</summary>
    public float Apply(float value) => (value / 255f - Mean) / Std;

    /// <summary>
    /// Normalizes whole 48x48 frames of bytes into floats: the one conversion from grey face bytes to model
    /// input, shared by training (batch building), evaluation and inference so that all three see identical
    /// inputs. Per frame: the optional contrast stretch, then the mean and std.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ or are not a whole number of frames.</exception>
    public void Normalize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length != source.Length || source.Length % FaceImage.FrameBytes != 0)
            throw new ArgumentException($"Expected whole {FaceImage.FrameBytes}-byte frames and a destination of the same length, got {source.Length} and {destination.Length}.", nameof(destination));
        // (b / 255 - mean) / std = b * scale + offset
        var scale = 1f / (255f * Std);
        var offset = -Mean / Std;
        for (var start = 0; start < source.Length; start += FaceImage.FrameBytes)
        {
            var frame = source.Slice(start, FaceImage.FrameBytes);
            var output = destination.Slice(start, FaceImage.FrameBytes);
            var (frameScale, frameOffset) = (scale, offset);
            if (StretchContrast)
            {
                // b -> (b - min) * 255 / range first, folded into the one multiply-add per pixel.
                var (min, range) = Range(frame);
                var stretch = 255f / range;
                frameScale = scale * stretch;
                frameOffset = offset - min * stretch * scale;
            }
            for (var i = 0; i < frame.Length; i++) output[i] = frame[i] * frameScale + frameOffset;
        }
    }

    /// <summary>A frame's darkest grey level and its range (at least 1, so a flat frame maps to 0).</summary>
    public static (float Min, float Range) Range(ReadOnlySpan<byte> frame)
    {
        byte min = 255, max = 0;
        foreach (var b in frame)
        {
            if (b < min) min = b;
            if (b > max) max = b;
        }
        return (min, Math.Max(1, max - min));
    }
}
