using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Evaluation;

/// <summary>
/// Clean, deterministic evaluation clips: the source frames sampled or padded to T (a still face
/// repeated T times), untouched, or all mirrored for flip test-time averaging.
/// </summary>
public static class EvaluationClip
{
    /// <summary>Writes T = <paramref name="indices"/>.Length frames into <paramref name="destination"/>.</summary>
    /// <param name="frames">The clip's frames, 2304 bytes each.</param>
    /// <param name="indices">Which frame each output frame is (see <see cref="ClipFrames.Sample"/>).</param>
    /// <param name="flip">Mirror every frame horizontally.</param>
    /// <param name="destination">T x 2304 bytes.</param>
    public static void Write(ReadOnlySpan<byte> frames, ReadOnlySpan<int> indices, bool flip, Span<byte> destination)
    {
        const int side = FaceImage.Side;
        for (var t = 0; t < indices.Length; t++)
        {
            var source = frames.Slice(indices[t] * FaceImage.FrameBytes, FaceImage.FrameBytes);
            var target = destination.Slice(t * FaceImage.FrameBytes, FaceImage.FrameBytes);
            if (!flip)
            {
                source.CopyTo(target);
                continue;
            }
            for (var y = 0; y < side; y++)
            {
                var row = source.Slice(y * side, side);
                var outRow = target.Slice(y * side, side);
                for (var x = 0; x < side; x++) outRow[x] = row[side - 1 - x];
            }
        }
    }
}
