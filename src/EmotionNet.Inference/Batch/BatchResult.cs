namespace EmotionNet.Inference.Batch;

/// <summary>The outcome of a batch run over one shard.</summary>
/// <param name="Report">The report written for this shard's inputs.</param>
/// <param name="Analyzed">Inputs analyzed by this run.</param>
/// <param name="Skipped">Inputs complete from an earlier run.</param>
/// <param name="Failed">Inputs that failed in this run.</param>
/// <param name="Cancelled">True when the run was stopped; the inputs not finished are pending and a rerun does them.</param>
/// <param name="Files">The report files written, by full path.</param>
public sealed record BatchResult(BatchReport Report, int Analyzed, int Skipped, int Failed, bool Cancelled, IReadOnlyList<string> Files);
