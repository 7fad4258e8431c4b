using EmotionNet.Augmentation;
using EmotionNet.Imaging;

namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public sealed record ClipLoaderOptions
{
    /// <summary>B.</summary>
    public int BatchSize { get; init; } = 64;
    /// <summary>T.</summary>
    public int SequenceLength { get; init; } = 1;
    /// <summary>Shuffle.</summary>
    public bool Shuffle { get; init; }
    /// <summary>Augmentation.</summary>
    public PseudoSequenceOptions? Augmentation { get; init; }
    /// <summary>Flip.</summary>
    public bool FlipInput { get; init; }
    /// <summary>Seed.</summary>
    public int Seed { get; init; }
    /// <summary>Normalization.</summary>
    public InputNormalization Normalization { get; init; } = InputNormalization.Default;
    /// <summary>Workers.</summary>
    public int Workers { get; init; } = 1;
    /// <summary>Prefetch.</summary>
    public int PrefetchBatches { get; init; } = 4;
    /// <summary>Drop last.</summary>
    public bool DropLast { get; init; }
}
