namespace EmotionNet.Augmentation;

/// <summary>TEMPORARY stand-in until the data pipeline lands.</summary>
public sealed record PseudoSequenceOptions
{
    /// <summary>Max shift in pixels.</summary>
    public int MaxShiftPixels { get; init; } = 4;
    /// <summary>Flip probability.</summary>
    public double FlipProbability { get; init; } = 0.5;
}
