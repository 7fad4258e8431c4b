using EmotionNet.Core.Checkpoints;
using EmotionNet.Training.Schedules;

namespace EmotionNet.Training.Engine;

/// <summary>
/// What one kind of training plugs into <see cref="TrainingRun"/>, the loop both trainers share: the model, its
/// data and step, its validation and its checkpoints. The run owns the rest: epochs, the schedule, resume,
/// cancellation, progress, the epoch log, best and last checkpoints.
/// </summary>
internal interface ITrainingTask
{
    /// <summary>Optimizer steps per epoch.</summary>
    int BatchesPerEpoch { get; }

    /// <summary>Whether <see cref="Validate"/> scores anything (without validation each epoch counts as the best).</summary>
    bool Validates { get; }

    /// <summary>Prefix of the metric names this task's checkpoints record (<c>temporal_</c> for temporal training).</summary>
    string MetricPrefix { get; }

    /// <summary>
    /// Trains epoch <paramref name="epoch"/> from its 0-based batch <paramref name="firstBatch"/> on (the batches
    /// before were trained already: a resumed run), the batch at step s with <paramref name="schedule"/>.At(s),
    /// starting at step <paramref name="firstStep"/>; yields each batch's tallies as it is done. The run stops
    /// enumerating when cancelled, between batches.
    /// </summary>
    IEnumerable<BatchTally> TrainEpoch(int epoch, int firstBatch, long firstStep, LearningRateSchedule schedule);

    /// <summary>Scores the model after an epoch; null when the task has no validation data.</summary>
    EpochValidation? Validate();

    /// <summary>What this task's checkpoints say of the model at <paramref name="state"/>; the run adds epoch, step, metrics and the run record.</summary>
    CheckpointMetadata Describe(TrainingState state);

    /// <summary>Writes a checkpoint to <paramref name="path"/>: <paramref name="resumable"/> with what resume needs (optimizer state, weight average), else the model to use.</summary>
    void Save(string path, CheckpointMetadata metadata, bool resumable);
}

/// <summary>One trained batch: its loss summed over its samples, the samples predicted right, the samples, and the frames they hold.</summary>
internal readonly record struct BatchTally(double LossSum, long Correct, long Samples, long Frames);

/// <summary>An epoch's validation figures; <see cref="Extra"/> holds the task's own (logged as extra columns).</summary>
internal sealed record EpochValidation(double Loss, double Accuracy, double MacroF1)
{
    public IReadOnlyDictionary<string, double> Extra { get; init; } = new Dictionary<string, double>();
}
