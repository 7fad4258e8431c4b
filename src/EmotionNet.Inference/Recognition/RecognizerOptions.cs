using EmotionNet.Core;
using EmotionNet.Core.Options;

namespace EmotionNet.Inference.Recognition;

/// <summary>Settings of the streaming per-face recognizer.</summary>
/// <param name="Smoothing">
/// Strength of the exponential moving average over a face's probabilities, in [0, 1) (default 0.6):
/// shown = Smoothing x previous + (1 - Smoothing) x current; 0 turns smoothing off. Used by
/// <see cref="TemporalMode.MovingAverage"/> only: in <see cref="TemporalMode.Lstm"/> the LSTM's output is shown as it is.
/// </param>
/// <param name="UncertainBelow">A result is flagged uncertain when its top probability is below this, in [0, 1] (default 0.4).</param>
/// <param name="Temporal">How emotions are followed over frames (default <see cref="TemporalMode.Auto"/>: the LSTM for a model trained to stream).</param>
public sealed record RecognizerOptions(double Smoothing = 0.6, double UncertainBelow = 0.4, TemporalMode Temporal = TemporalMode.Auto)
{
    /// <summary>The defaults.</summary>
    public static RecognizerOptions Default { get; } = new();

    /// <summary>Throws an <see cref="EmotionNetException"/> naming the first out-of-range field.</summary>
    public RecognizerOptions Validate()
    {
        var check = new OptionCheck(nameof(RecognizerOptions));
        check.Require(Smoothing, Smoothing is >= 0 and < 1, "must be in [0, 1)");
        check.Require(UncertainBelow, UncertainBelow is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(Temporal, Enum.IsDefined(Temporal), "must be Auto, MovingAverage or Lstm");
        return this;
    }
}
