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
    /// <see cref="TemporalMode.MovingAverage"/> only: the other modes show their probabilities as they are.
    /// </summary>
    public double Smoothing { get; init; } = 0.6;

    /// <summary>A result is flagged uncertain when the probability of its label is below this, in [0, 1] (default 0.4).</summary>
    public double UncertainBelow { get; init; } = 0.4;

    /// <summary>
    /// How emotions are followed over frames (default <see cref="TemporalMode.Auto"/>: the LSTM for a model trained to
    /// stream, <see cref="TemporalMode.Hysteresis"/> for any other).
    /// </summary>
    public TemporalMode Temporal { get; init; } = TemporalMode.Auto;

    /// <summary>
    /// In <see cref="TemporalMode.Hysteresis"/>, how far another class's probability must lead the shown label's
    /// for the label to switch to it at once, in [0, 1] (default 0.2); 0 shows every frame's most probable class.
    /// </summary>
    public double SwitchMargin { get; init; } = 0.2;

    /// <summary>
    /// In <see cref="TemporalMode.Hysteresis"/>, after how many processed frames in a row of leading by less than
    /// <see cref="SwitchMargin"/> another class is shown anyway, at least 1 (default 15: half a second at 30
    /// frames/s), so a steady lead is never hidden for good.
    /// </summary>
    public int SwitchFrames { get; init; } = 15;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public RecognizerOptions Validate()
    {
        var check = new OptionCheck(nameof(RecognizerOptions));
        check.Require(Smoothing, Smoothing is >= 0 and < 1, "must be in [0, 1)");
        check.Require(UncertainBelow, UncertainBelow is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(Temporal, Enum.IsDefined(Temporal), "must be Auto, MovingAverage, Lstm or Hysteresis");
        check.Require(SwitchMargin, SwitchMargin is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(SwitchFrames, SwitchFrames >= 1, "must be at least 1");
        return this;
    }
}
