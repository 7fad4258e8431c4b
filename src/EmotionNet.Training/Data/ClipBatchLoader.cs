using EmotionNet.Core;
using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Runtime;
using EmotionNet.Training.Augmentation;
using static TorchSharp.torch;

namespace EmotionNet.Training.Data;

/// <summary>
/// Turns a <see cref="FaceClipSet"/> into batches of (B, T, 1, 48, 48) inputs and (B) labels.
/// Background workers sample, augment and normalize into managed buffers; the tensors are made on
/// the enumerating thread, because TorchSharp dispose scopes are per thread.
/// </summary>
public static class ClipBatchLoader
{
    /// <summary>
    /// The batches of one epoch. The clip order depends only on <see cref="ClipLoaderOptions.Seed"/> and
    /// <paramref name="epoch"/>, each clip's augmentation only on those and its index in the set, so
    /// the batches are identical for any number of workers. Dispose each batch after use; stopping the
    /// enumeration early stops the workers.
    /// </summary>
    /// <exception cref="EmotionNetException">An option is out of range, or libtorch cannot load (<see cref="NativeDependencyException"/>).</exception>
    public static IEnumerable<ClipBatch> Batches(FaceClipSet set, ClipLoaderOptions options, int epoch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        NativeRuntime.EnsureTorch();
        return Enumerate(set, options, epoch, ct);
    }

    /// <summary>Number of batches <see cref="Batches"/> yields for <paramref name="clipCount"/> clips.</summary>
    public static int BatchCount(int clipCount, ClipLoaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DropLast ? clipCount / options.BatchSize : (clipCount + options.BatchSize - 1) / options.BatchSize;
    }

    /// <summary>The order clips are visited in an epoch: set order, or a seeded Fisher-Yates shuffle of (Seed, epoch).</summary>
    public static int[] ClipOrder(int clipCount, ClipLoaderOptions options, int epoch)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Shuffle
            ? SplitMix64.Permutation(clipCount, SplitMix64.Mix(unchecked((uint)options.Seed), unchecked((uint)epoch), 0x5_4F_FF1EUL))
            : Enumerable.Range(0, clipCount).ToArray();
    }

    private static IEnumerable<ClipBatch> Enumerate(FaceClipSet set, ClipLoaderOptions options, int epoch, CancellationToken ct)
    {
        var order = ClipOrder(set.Count, options, epoch);
        var batchCount = BatchCount(set.Count, options);
        var generator = options.Augmentation is null ? null : new PseudoSequenceGenerator(options.Augmentation);
        ReadOnlyMemory<int> Clips(int k) => order.AsMemory(k * options.BatchSize, Math.Min(options.BatchSize, order.Length - k * options.BatchSize));

        if (options.Workers == 0)
        {
            var builder = new BatchBuilder(set, options, epoch, generator);
            for (var k = 0; k < batchCount; k++)
            {
                ct.ThrowIfCancellationRequested();
                yield return ToBatch(builder.Build(Clips(k).Span), options.SequenceLength);
            }
            yield break;
        }

        using var pipeline = new PrefetchPipeline(batchCount, options.Workers, options.PrefetchBatches, () => new BatchBuilder(set, options, epoch, generator), Clips);
        for (var k = 0; k < batchCount; k++) yield return ToBatch(pipeline.Take(k, ct), options.SequenceLength);
    }

    private static ClipBatch ToBatch(BatchData data, int sequenceLength)
    {
        var inputs = tensor(data.Inputs, [data.Labels.Length, sequenceLength, 1, FaceImage.Side, FaceImage.Side]);
        var labels = tensor(data.Labels, [data.Labels.Length]);
        return new ClipBatch(inputs, labels, data.Clips);
    }
}
