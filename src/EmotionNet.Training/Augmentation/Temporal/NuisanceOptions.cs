using EmotionNet.Core.Options;

namespace EmotionNet.Training.Augmentation.Temporal;

/// <summary>How often and for how long frames of a temporal clip are corrupted (see <see cref="FrameNuisance"/>).</summary>
public sealed record NuisanceOptions
{
    /// <summary>Chance that a burst of corrupted frames starts at any clean frame, in [0, 1] (default 0.06).</summary>
    public float BurstProbability { get; init; } = 0.06f;

    /// <summary>Longest burst, in frames; each burst is 1 to this many frames of one kind (default 6; 1-64).</summary>
    public int MaxBurstFrames { get; init; } = 6;

    /// <summary>The defaults above.</summary>
    public static NuisanceOptions Default { get; } = new();

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public NuisanceOptions Validate()
    {
        var check = new OptionCheck(nameof(NuisanceOptions));
        check.Require(BurstProbability, BurstProbability is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(MaxBurstFrames, MaxBurstFrames is >= 1 and <= 64, "must be between 1 and 64");
        return this;
    }
}
