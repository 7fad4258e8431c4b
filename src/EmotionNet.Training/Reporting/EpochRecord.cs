namespace EmotionNet.Training.Reporting;

/// <summary>One epoch's figures, as logged and plotted.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean training loss (with label smoothing).</param>
/// <param name="TrainAccuracy">Training accuracy on augmented clips.</param>
/// <param name="ValidationLoss">Mean validation loss.</param>
/// <param name="ValidationAccuracy">Validation accuracy.</param>
/// <param name="ValidationMacroF1">Validation macro-F1.</param>
/// <param name="LearningRate">Learning rate at the end of the epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch (training and validation).</param>
/// <param name="FramesPerSecond">Training throughput in frames per second (training phase only, validation excluded).</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationAccuracy, double ValidationMacroF1, double LearningRate, double Seconds, double FramesPerSecond);
