using EmotionNet.Imaging;
using static TorchSharp.torch;

namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands: synchronous, shift+flip only.</summary>
public static class ClipBatchLoader
{
    /// <summary>Batches of one epoch.</summary>
    public static IEnumerable<ClipBatch> Batches(FaceClipSet set, ClipLoaderOptions options, int epoch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        var order = Enumerable.Range(0, set.Count).ToArray();
        if (options.Shuffle) new Random(HashCode.Combine(options.Seed, epoch)).Shuffle(order);
        var t = options.SequenceLength;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = Math.Min(options.BatchSize, order.Length - start);
            if (options.DropLast && n < options.BatchSize) yield break;
            var bytes = new byte[n * t * FaceImage.FrameBytes];
            var labels = new long[n];
            for (var i = 0; i < n; i++)
            {
                var clip = order[start + i];
                labels[i] = set.Label(clip);
                var rng = new Random(HashCode.Combine(options.Seed, epoch, clip));
                var flip = options.FlipInput || (options.Augmentation is { } a && rng.NextDouble() < a.FlipProbability);
                var dx = options.Augmentation is { } a2 ? rng.Next(-a2.MaxShiftPixels, a2.MaxShiftPixels + 1) : 0;
                var dy = options.Augmentation is { } a3 ? rng.Next(-a3.MaxShiftPixels, a3.MaxShiftPixels + 1) : 0;
                for (var f = 0; f < t; f++)
                {
                    var src = set.Frame(clip, Math.Min(f * set.FrameCount(clip) / t, set.FrameCount(clip) - 1));
                    var dst = bytes.AsSpan((i * t + f) * FaceImage.FrameBytes, FaceImage.FrameBytes);
                    for (var y = 0; y < FaceImage.Side; y++)
                    for (var x = 0; x < FaceImage.Side; x++)
                    {
                        var sx = Math.Clamp((flip ? FaceImage.Side - 1 - x : x) + dx, 0, FaceImage.Side - 1);
                        var sy = Math.Clamp(y + dy, 0, FaceImage.Side - 1);
                        dst[y * FaceImage.Side + x] = src[sy * FaceImage.Side + sx];
                    }
                }
            }
            yield return new ClipBatch(FaceTensors.FromFrames(bytes, n, t, options.Normalization), tensor(labels));
        }
    }
}
