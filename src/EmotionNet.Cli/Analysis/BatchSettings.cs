using EmotionNet.Inference.Batch;

namespace EmotionNet.Cli.Analysis;

/// <summary>Everything 'analyze' over many inputs was asked to do, parsed and validated.</summary>
/// <param name="Plan">The whole batch, sorted.</param>
/// <param name="Shard">This process's share.</param>
/// <param name="ShardOrigin">Where the shard came from (a flag or a scheduler's variables); null for the whole batch.</param>
/// <param name="Analyze">How each input is analyzed (its Source is not used).</param>
internal sealed record BatchSettings(BatchPlan Plan, Shard Shard, string? ShardOrigin, AnalyzeSettings Analyze);
