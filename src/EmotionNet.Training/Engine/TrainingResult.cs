using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>The outcome of a run: where things were written and the best model's scores.</summary>
/// <param name="OutputDirectory">The run folder.</param>
/// <param name="BestCheckpoint">Path of the best checkpoint (highest validation accuracy).</param>
/// <param name="LastCheckpoint">Path of the last checkpoint (for resume).</param>
/// <param name="BestEpoch">Epoch of the best checkpoint.</param>
/// <param name="Epochs">Every epoch's figures, resumed ones included.</param>
/// <param name="Splits">Metrics of the best model per split name (Training, PublicTest, PrivateTest).</param>
/// <param name="Cancelled">Whether the run was stopped early by cancellation (the last checkpoint was saved).</param>
/// <param name="StoppedEarly">Whether early stopping ended the run.</param>
public sealed record TrainingResult(string OutputDirectory, string BestCheckpoint, string LastCheckpoint, int BestEpoch,
    IReadOnlyList<EpochRecord> Epochs, IReadOnlyDictionary<string, ClassificationMetrics> Splits, bool Cancelled, bool StoppedEarly);
