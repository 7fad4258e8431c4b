using static TorchSharp.torch;

namespace EmotionNet.Imaging;

/// <summary>
/// The one conversion from grey face bytes to model input, shared by training, evaluation and
/// inference so that all three see identical tensors.
/// </summary>
public static class FaceTensors
{
    /// <summary>
    /// Normalizes <paramref name="clipCount"/> clips of <paramref name="sequenceLength"/> 48x48 grey
    /// frames, packed clip after clip and frame after frame, into a float tensor (B, T, 1, 48, 48).
    /// </summary>
    public static Tensor FromFrames(ReadOnlySpan<byte> frames, int clipCount, int sequenceLength, InputNormalization normalization, Device? device = null)
    {
        var expected = (long)clipCount * sequenceLength * FaceImage.FrameBytes;
        if (frames.Length != expected)
            throw new ArgumentException($"Expected {expected} bytes for {clipCount} clip(s) of {sequenceLength} frame(s), got {frames.Length}.", nameof(frames));
        var values = new float[frames.Length];
        Normalize(frames, values, normalization);
        var t = tensor(values, [clipCount, sequenceLength, 1, FaceImage.Side, FaceImage.Side]);
        return device is null || device.type == TorchSharp.DeviceType.CPU ? t : t.to(device);
    }

    /// <summary>
    /// Normalizes whole 48x48 frames of bytes into floats (the hot loop of batch building): per frame,
    /// the optional contrast stretch of <see cref="InputNormalization.StretchContrast"/>, then the mean and std.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths differ or are not a whole number of frames.</exception>
    public static void Normalize(ReadOnlySpan<byte> source, Span<float> destination, InputNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(normalization);
        if (destination.Length != source.Length || source.Length % FaceImage.FrameBytes != 0)
            throw new ArgumentException($"Expected whole {FaceImage.FrameBytes}-byte frames and a destination of the same length, got {source.Length} and {destination.Length}.", nameof(destination));
        // (b / 255 - mean) / std = b * scale + offset
        var scale = 1f / (255f * normalization.Std);
        var offset = -normalization.Mean / normalization.Std;
        for (var start = 0; start < source.Length; start += FaceImage.FrameBytes)
        {
            var frame = source.Slice(start, FaceImage.FrameBytes);
            var output = destination.Slice(start, FaceImage.FrameBytes);
            var (frameScale, frameOffset) = (scale, offset);
            if (normalization.StretchContrast)
            {
                // b -> (b - min) * 255 / range first; folded into one multiply-add per pixel.
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
