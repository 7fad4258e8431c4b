using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Batch;

/// <summary>What a batch run is doing.</summary>
public enum BatchStep
{
    /// <summary>An input's analysis starts.</summary>
    Started,

    /// <summary>Frames of the current input were analyzed (see <see cref="BatchProgress.Frames"/>).</summary>
    Frames,

    /// <summary>An input was complete from an earlier run and is skipped.</summary>
    Skipped,

    /// <summary>An input was analyzed.</summary>
    Done,

    /// <summary>An input failed (see <see cref="BatchProgress.Error"/>); the batch goes on.</summary>
    Failed,
}

/// <summary>One step of a batch run.</summary>
/// <param name="Position">The input's position in this shard's list, from 0.</param>
/// <param name="Count">Inputs in this shard.</param>
/// <param name="Input">The input.</param>
/// <param name="Step">What happened.</param>
/// <param name="Error">The error of a failed input; null otherwise.</param>
/// <param name="Frames">The input's frame progress, for <see cref="BatchStep.Frames"/>.</param>
public sealed record BatchProgress(int Position, int Count, BatchInput Input, BatchStep Step, string? Error = null, AnalysisProgress? Frames = null);
