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

    /// <summary>Normalizes bytes into floats (the hot loop of batch building).</summary>
    public static void Normalize(ReadOnlySpan<byte> source, Span<float> destination, InputNormalization normalization)
    {
        // (b / 255 - mean) / std = b * scale + offset
        var scale = 1f / (255f * normalization.Std);
        var offset = -normalization.Mean / normalization.Std;
        for (var i = 0; i < source.Length; i++) destination[i] = source[i] * scale + offset;
    }
}
