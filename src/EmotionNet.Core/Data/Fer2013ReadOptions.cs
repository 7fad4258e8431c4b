using EmotionNet.Emotions;

namespace EmotionNet.Data;

/// <summary>How <see cref="Fer2013Reader"/> reads a FER2013 CSV.</summary>
public sealed record Fer2013ReadOptions
{
    /// <summary>The classes to keep (default <see cref="ClassSet.Fer7"/>); rows of other labels are dropped silently and the rest remapped with <see cref="ClassSet.IndexOfFerLabel"/>.</summary>
    public ClassSet Classes { get; init; } = ClassSet.Fer7;

    /// <summary>Skip invalid rows, counting them in the report, instead of throwing on the first (default false).</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>How many skip reasons the <see cref="DataLoadReport"/> keeps (default 5, at least 0).</summary>
    public int MaxReasons { get; init; } = 5;

    /// <summary>The defaults: FER2013's seven classes, throwing on the first invalid row.</summary>
    public static Fer2013ReadOptions Default { get; } = new();

    /// <summary>The FER2013 options matching general <paramref name="options"/>.</summary>
    public static Fer2013ReadOptions From(DataLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new() { Classes = options.Classes, SkipInvalid = options.SkipInvalid, MaxReasons = options.MaxReasons };
    }
}
