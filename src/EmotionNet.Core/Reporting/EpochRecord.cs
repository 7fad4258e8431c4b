namespace EmotionNet.Core.Reporting;

/// <summary>
/// One epoch's figures, as logged and plotted, for either trainer: a clip classifier's (per clip) or temporal
/// training's (per frame of the temporal clips). A figure not computed is NaN (no validation split, or an epoch
/// logged before the figure was).
/// </summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean training loss (with label smoothing).</param>
/// <param name="TrainAccuracy">Training accuracy on augmented clips (on every frame, for temporal training).</param>
/// <param name="ValidationLoss">Mean validation loss.</param>
/// <param name="ValidationAccuracy">Validation accuracy.</param>
/// <param name="ValidationMacroF1">Validation macro-F1.</param>
/// <param name="LearningRate">Learning rate of the epoch's last step.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training and validation).</param>
/// <param name="FramesPerSecond">Training throughput in frames per second this session (training phase only, validation excluded).</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationAccuracy, double ValidationMacroF1, double LearningRate, double Seconds, double FramesPerSecond)
{
    /// <summary>
    /// Figures only one kind of training has, by CSV column name, logged after the common columns (temporal
    /// training's <c>val_corrupted_frame_accuracy</c>). Empty for the clip trainer.
    /// </summary>
    public IReadOnlyDictionary<string, double> Extra { get; init; } = new Dictionary<string, double>();
}
