using EmotionNet.Imaging;

namespace EmotionNet.Evaluation;

/// <summary>How a model is evaluated on a split.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Clips per forward pass. Default 256.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Frames per clean evaluation clip (the model's T). Default 1.</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Average the probabilities of each clip and its mirror image (test-time flip). Default true.</summary>
    public bool FlipAveraging { get; init; } = true;

    /// <summary>The model's input normalization.</summary>
    public InputNormalization Normalization { get; init; } = InputNormalization.Default;
}
