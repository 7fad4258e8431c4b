using EmotionNet.Training.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>What the trainer reports: batch progress, finished epochs, and notes.</summary>
public abstract record TrainingEvent
{
    /// <summary>Progress within the current epoch.</summary>
    public sealed record Progress(EpochProgress Value) : TrainingEvent;

    /// <summary>An epoch finished and was validated; <paramref name="IsBest"/> when it set a new best.</summary>
    public sealed record EpochEnded(EpochRecord Record, bool IsBest) : TrainingEvent;

    /// <summary>A note for the user (resume point, early stopping, device...).</summary>
    public sealed record Note(string Message) : TrainingEvent;
}
