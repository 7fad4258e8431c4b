using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Batch;

/// <summary>How a batch is run, beyond how each input is analyzed.</summary>
public sealed record BatchOptions
{
    /// <summary>The whole batch, no plot.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary>The share of the plan this process analyzes (default null: all of it). The caller picks it (a flag, a scheduler's variables); the library reads no environment.</summary>
    public Shard? Shard { get; init; }

    /// <summary>Draws batch.png (default null: no plot). EmotionNet.Plotting's <c>AnalysisPlots.Instance</c> draws it.</summary>
    public IBatchPlots? Plots { get; init; }

    /// <summary><see cref="Shard"/>, or the whole batch when null.</summary>
    public Shard EffectiveShard => Shard ?? Batch.Shard.All;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public BatchOptions Validate()
    {
        EffectiveShard.Validate();
        return this;
    }
}
