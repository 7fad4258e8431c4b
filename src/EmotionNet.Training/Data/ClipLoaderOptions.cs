using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Options;
using EmotionNet.Training.Augmentation;

namespace EmotionNet.Training.Data;

/// <summary>How <see cref="ClipBatchLoader"/> turns a <see cref="FaceClipSet"/> into batches.</summary>
public sealed record ClipLoaderOptions
{
    /// <summary>Clips per batch (default 64; at least 1). The last batch may be smaller unless <see cref="DropLast"/>.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Frames per clip, T (default 1, a CNN on single faces; at least 1).</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Visit clips in a seeded random order that depends only on <see cref="Seed"/> and the epoch (default false: set order).</summary>
    public bool Shuffle { get; init; }

    /// <summary>The training recipe, or null (the default) for clean evaluation clips.</summary>
    public PseudoSequenceOptions? Augmentation { get; init; }

    /// <summary>Mirror every clean clip horizontally: the second view of flip test-time averaging (default false; ignored when augmenting).</summary>
    public bool FlipInput { get; init; }

    /// <summary>Seed of the shuffle and of every clip's augmentation (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>How grey bytes become inputs (default <see cref="InputNormalization.Default"/>).</summary>
    public InputNormalization Normalization { get; init; } = InputNormalization.Default;

    /// <summary>Background threads building batches (default 1; 0 builds on the consuming thread; at most 64). Results do not depend on it.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Batches built ahead of the consumer, at most (default 4; at least 1). Each holds B x T x 2304 floats.</summary>
    public int PrefetchBatches { get; init; } = 4;

    /// <summary>Leave out a last, smaller batch (default false).</summary>
    public bool DropLast { get; init; }

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public ClipLoaderOptions Validate()
    {
        var check = new OptionCheck(nameof(ClipLoaderOptions));
        check.Require(BatchSize, BatchSize >= 1, "must be at least 1");
        check.Require(SequenceLength, SequenceLength >= 1, "must be at least 1");
        check.Require(Workers, Workers is >= 0 and <= 64, "must be between 0 and 64");
        check.Require(PrefetchBatches, PrefetchBatches >= 1, "must be at least 1");
        ArgumentNullException.ThrowIfNull(Normalization);
        Normalization.Validate();
        Augmentation?.Validate();
        return this;
    }
}
