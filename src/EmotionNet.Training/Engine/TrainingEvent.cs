using EmotionNet.Core.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>What either trainer reports: preparation, batch progress, finished epochs, a stop on cancellation, and notes.</summary>
public abstract record TrainingEvent
{
    /// <summary>Progress within the current epoch.</summary>
    public sealed record Progress(EpochProgress Value) : TrainingEvent;

    /// <summary>An epoch finished and was validated; <paramref name="IsBest"/> when it set a new best.</summary>
    public sealed record EpochEnded(EpochRecord Record, bool IsBest) : TrainingEvent;

    /// <summary>
    /// The run was cancelled and its state is in <paramref name="LastCheckpoint"/>: after <paramref name="Epoch"/>
    /// epochs, plus <paramref name="Batches"/> batches of the next (0 when it stopped between epochs). The same
    /// trainer with resume continues it. A run cancelled before its first batch saved nothing new.
    /// </summary>
    public sealed record Stopped(int Epoch, int Batches, string LastCheckpoint) : TrainingEvent;

    /// <summary>
    /// Work before the first epoch, reported as it goes: <paramref name="Done"/> of <paramref name="Total"/> items
    /// of <paramref name="What"/> (temporal training encodes every face first, minutes on a CPU).
    /// </summary>
    public sealed record Preparing(string What, int Done, int Total) : TrainingEvent;

    /// <summary>A note for the user (resume point, early stopping, device...).</summary>
    public sealed record Note(string Message) : TrainingEvent;
}
