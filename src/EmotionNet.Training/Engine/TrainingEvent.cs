using EmotionNet.Training.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>What the trainer reports: batch progress, finished epochs, a stop on cancellation, and notes.</summary>
public abstract record TrainingEvent
{
    /// <summary>Progress within the current epoch.</summary>
    public sealed record Progress(EpochProgress Value) : TrainingEvent;

    /// <summary>An epoch finished and was validated; <paramref name="IsBest"/> when it set a new best.</summary>
    public sealed record EpochEnded(EpochRecord Record, bool IsBest) : TrainingEvent;

    /// <summary>
    /// The run was cancelled and its state saved to <paramref name="LastCheckpoint"/>: after
    /// <paramref name="Epoch"/> epochs, plus <paramref name="Batches"/> batches of the next (0 when it
    /// stopped between epochs). <see cref="Trainer.Fit"/> with resume continues it.
    /// </summary>
    public sealed record Stopped(int Epoch, int Batches, string LastCheckpoint) : TrainingEvent;

    /// <summary>A note for the user (resume point, early stopping, device...).</summary>
    public sealed record Note(string Message) : TrainingEvent;
}
