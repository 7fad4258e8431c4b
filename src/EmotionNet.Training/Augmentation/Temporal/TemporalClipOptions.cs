using EmotionNet.Core.Options;

namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>
/// The recipe of change-aware temporal clips: a clip is one to three segments, each a different face of a
/// different expression moving as in <see cref="PseudoSequenceOptions"/>, so the label changes part-way
/// and every frame has its own target; on top, bursts of corrupted frames (<see cref="NuisanceOptions"/>)
/// whose targets stay the true expression, so the model learns to follow changes and ignore glitches.
/// </summary>
public sealed record TemporalClipOptions
{
    /// <summary>Frames per clip (default 48; 2-512). At 30 frames/s, 1.6 s.</summary>
    public int Length { get; init; } = 48;

    /// <summary>Chance that a clip changes expression part-way, in [0, 1] (default 0.6).</summary>
    public float ChangeProbability { get; init; } = 0.6f;

    /// <summary>Chance that a changing clip changes a second time, in [0, 1] (default 0.3).</summary>
    public float SecondChangeProbability { get; init; } = 0.3f;

    /// <summary>Shortest stretch of one expression, in frames (default 8; at least 1, at most Length / 2).</summary>
    public int MinSegmentFrames { get; init; } = 8;

    /// <summary>Motion, lighting and noise of each segment (default <see cref="PseudoSequenceOptions.Default"/>).</summary>
    public PseudoSequenceOptions Motion { get; init; } = PseudoSequenceOptions.Default;

    /// <summary>Corrupted frames (default <see cref="NuisanceOptions.Default"/>).</summary>
    public NuisanceOptions Nuisance { get; init; } = NuisanceOptions.Default;

    /// <summary>The defaults above.</summary>
    public static TemporalClipOptions Default { get; } = new();

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public TemporalClipOptions Validate()
    {
        var check = new OptionCheck(nameof(TemporalClipOptions));
        check.Require(Length, Length is >= 2 and <= 512, "must be between 2 and 512");
        check.Require(ChangeProbability, ChangeProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(SecondChangeProbability, SecondChangeProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MinSegmentFrames, MinSegmentFrames >= 1 && MinSegmentFrames * 2 <= Length, "must be at least 1 and at most half of Length");
        ArgumentNullException.ThrowIfNull(Motion);
        ArgumentNullException.ThrowIfNull(Nuisance);
        Motion.Validate();
        Nuisance.Validate();
        return this;
    }
}
