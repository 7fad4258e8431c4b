namespace EmotionNet.Training.Engine;

/// <summary>Progress inside an epoch, reported every few batches.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="Batches">Batches per epoch.</param>
/// <param name="Loss">Running mean training loss of this epoch.</param>
/// <param name="Accuracy">Running training accuracy of this epoch.</param>
/// <param name="FramesPerSecond">Training frames per second so far in this epoch.</param>
/// <param name="Phase">What is running: "train" or "validate".</param>
public sealed record EpochProgress(int Epoch, int Epochs, int Batch, int Batches, double Loss, double Accuracy, double FramesPerSecond, string Phase);
