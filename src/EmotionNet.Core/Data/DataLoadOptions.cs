using EmotionNet.Emotions;

namespace EmotionNet.Data;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public sealed record DataLoadOptions
{
    /// <summary>Classes.</summary>
    public ClassSet Classes { get; init; } = ClassSet.Fer7;
    /// <summary>Skip invalid.</summary>
    public bool SkipInvalid { get; init; }
}
