using EmotionNet.Core.Imaging;
using static TorchSharp.torch;

namespace EmotionNet.Torch.Imaging;

/// <summary>
/// Grey face bytes as a model input tensor, normalized by <see cref="InputNormalization.Normalize"/>
/// as training's batches are, so that training, evaluation and inference see identical tensors.
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
        normalization.Normalize(frames, values);
        var t = tensor(values, [clipCount, sequenceLength, 1, FaceImage.Side, FaceImage.Side]);
        return device is null || device.type == TorchSharp.DeviceType.CPU ? t : t.to(device);
    }
}
