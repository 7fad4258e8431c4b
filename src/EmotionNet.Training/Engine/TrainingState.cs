using EmotionNet.Training.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>Where a run stands; saved in every checkpoint so a resumed run continues exactly.</summary>
internal sealed record TrainingState
{
    /// <summary>Epochs fully completed.</summary>
    public int CompletedEpochs { get; init; }

    /// <summary>Optimizer steps taken.</summary>
    public long Step { get; init; }

    /// <summary>Batches done of the epoch after <see cref="CompletedEpochs"/> (non-zero after Ctrl+C mid-epoch).</summary>
    public int PartialBatches { get; init; }

    /// <summary>Running sums of the partial epoch: loss x clips, correct clips, clips, frames, seconds.</summary>
    public double PartialLossSum { get; init; }

    /// <summary>Correct predictions so far in the partial epoch.</summary>
    public long PartialCorrect { get; init; }

    /// <summary>Clips seen so far in the partial epoch.</summary>
    public long PartialSeen { get; init; }

    /// <summary>Best validation accuracy so far.</summary>
    public double BestAccuracy { get; init; } = -1;

    /// <summary>Epoch of the best validation accuracy.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Every completed epoch's figures.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];
}
