namespace EmotionNet.Training.Temporal;

/// <summary>One finished epoch of temporal training.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean per-frame cross-entropy over the epoch.</param>
/// <param name="TrainAccuracy">Per-frame accuracy on the training clips.</param>
/// <param name="ValidationAccuracy">Per-frame accuracy on the PublicTest clips (NaN without validation).</param>
/// <param name="ValidationCorruptedAccuracy">The same on the corrupted frames only (NaN without validation).</param>
/// <param name="Seconds">Wall time of the epoch.</param>
public sealed record TemporalEpoch(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double ValidationCorruptedAccuracy, double Seconds);

/// <summary>Progress of temporal training: <paramref name="Phase"/> "encode" (faces done of total) or "train" (batches).</summary>
public sealed record TemporalProgress(string Phase, int Done, int Total, int Epoch);
