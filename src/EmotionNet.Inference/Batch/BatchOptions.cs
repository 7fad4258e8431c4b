using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Batch;

/// <summary>How a batch is run, beyond how each input is analyzed.</summary>
/// <param name="Shard">The share of the plan this process analyzes (default: all of it). The caller picks it (a flag, a scheduler's variables); the library reads no environment.</param>
/// <param name="Plots">Draws batch.png (default null: no plot). EmotionNet.Plotting's <c>AnalysisPlots.Instance</c> draws it.</param>
public sealed record BatchOptions(Shard? Shard = null, IBatchPlots? Plots = null)
{
    /// <summary>The whole batch, no plot.</summary>
    public static BatchOptions Default { get; } = new();

    /// <summary><see cref="Shard"/>, or the whole batch when null.</summary>
    public Shard EffectiveShard => Shard ?? Batch.Shard.All;

    /// <summary>Throws an <see cref="OptionsException"/> naming the first out-of-range field.</summary>
    public BatchOptions Validate()
    {
        EffectiveShard.Validate();
        return this;
    }
}
