namespace EmotionNet.Training.Temporal;

/// <summary>What a temporal training run produced.</summary>
/// <param name="BestCheckpoint">The epoch with the best per-frame PublicTest accuracy (the last epoch without validation).</param>
/// <param name="LastCheckpoint">The last epoch, with optimizer state: resume from it.</param>
/// <param name="BestEpoch">1-based epoch of <paramref name="BestCheckpoint"/>.</param>
/// <param name="History">Every epoch, the resumed ones included.</param>
public sealed record TemporalTrainingResult(string BestCheckpoint, string LastCheckpoint, int BestEpoch, IReadOnlyList<TemporalEpoch> History);
