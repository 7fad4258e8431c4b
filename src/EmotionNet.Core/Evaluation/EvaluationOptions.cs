using EmotionNet.Core.Options;

namespace EmotionNet.Core.Evaluation;

/// <summary>How a model is evaluated on a split.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Clips per forward pass. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Average the probabilities of each clip and its mirror image (test-time flip). Default true.</summary>
    public bool FlipAveraging { get; init; } = true;

    /// <summary>
    /// Which clips of a data set to score (<see cref="EvaluationClips.Select"/>). Default null: the data's
    /// own default (<see cref="EvaluationClips.DefaultFor"/>: <see cref="EvaluationSplit.All"/> for a folder
    /// without split folders, <see cref="EvaluationSplit.PrivateTest"/> otherwise). The
    /// <see cref="Evaluator"/> scores the set it is given and ignores it.
    /// </summary>
    public EvaluationSplit? Split { get; init; }

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public EvaluationOptions Validate()
    {
        var check = new OptionCheck(nameof(EvaluationOptions));
        check.Require(BatchSize, BatchSize is >= 1 and <= 65_536, "must be between 1 and 65536");
        check.Require(Split, Split is null || Enum.IsDefined(Split.Value), $"must be one of {string.Join(", ", Enum.GetNames<EvaluationSplit>())}, or null for the data's default");
        return this;
    }
}
