using EmotionNet.Core.Reporting;
using EmotionNet.Training.Schedules;

namespace EmotionNet.Training.Engine;

/// <summary>Where a run stands; saved in every checkpoint so a resumed run continues exactly.</summary>
internal sealed record TrainingState
{
    /// <summary>Epochs fully completed.</summary>
    public int CompletedEpochs { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public long Step { get; init; }

    /// <summary>Batches done of the epoch after <see cref="CompletedEpochs"/> (non-zero after a stop mid-epoch).</summary>
    public int PartialBatches { get; init; }

    /// <summary>Sum over the partial epoch's samples of their loss (clips, or frames for temporal training).</summary>
    public double PartialLossSum { get; init; }

    /// <summary>Correct predictions so far in the partial epoch.</summary>
    public long PartialCorrect { get; init; }

    /// <summary>Samples seen so far in the partial epoch.</summary>
    public long PartialSeen { get; init; }

    /// <summary>Best validation accuracy so far (-1: none yet).</summary>
    public double BestAccuracy { get; init; } = -1;

    /// <summary>Epoch of the best validation accuracy.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Every completed epoch's figures.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    /// <summary>The learning-rate plan; null in checkpoints written before it was saved (the run's options rebuild it).</summary>
    public LearningRateSchedule? Schedule { get; init; }
}
