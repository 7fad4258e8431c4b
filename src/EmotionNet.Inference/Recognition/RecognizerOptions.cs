using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Recognition;

/// <summary>Settings of the streaming per-face recognizer.</summary>
public sealed record RecognizerOptions
{
    /// <summary>The defaults.</summary>
    public static RecognizerOptions Default { get; } = new();

    /// <summary>
    /// Strength of the exponential moving average over a face's probabilities, in [0, 1) (default 0.6):
    /// shown = Smoothing x previous + (1 - Smoothing) x current; 0 turns smoothing off. Used by
    /// <see cref="TemporalMode.MovingAverage"/> only: in <see cref="TemporalMode.Lstm"/> the LSTM's output is shown as it is.
    /// </summary>
    public double Smoothing { get; init; } = 0.6;

    /// <summary>A result is flagged uncertain when its top probability is below this, in [0, 1] (default 0.4).</summary>
    public double UncertainBelow { get; init; } = 0.4;

    /// <summary>How emotions are followed over frames (default <see cref="TemporalMode.Auto"/>: the LSTM for a model trained to stream).</summary>
    public TemporalMode Temporal { get; init; } = TemporalMode.Auto;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public RecognizerOptions Validate()
    {
        var check = new OptionCheck(nameof(RecognizerOptions));
        check.Require(Smoothing, Smoothing is >= 0 and < 1, "must be in [0, 1)");
        check.Require(UncertainBelow, UncertainBelow is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(Temporal, Enum.IsDefined(Temporal), "must be Auto, MovingAverage or Lstm");
        return this;
    }
}
