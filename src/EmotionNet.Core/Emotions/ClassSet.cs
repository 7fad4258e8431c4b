namespace EmotionNet.Core.Emotions;

/// <summary>
/// An ordered set of emotions a model predicts. Class index <c>i</c> of a model is
/// <c>Classes[i]</c>; FER2013 labels outside the set are dropped, the rest remapped.
/// </summary>
public sealed class ClassSet
{
    private static readonly Dictionary<string, Emotion> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["angry"] = Emotion.Angry, ["anger"] = Emotion.Angry, ["mad"] = Emotion.Angry,
        ["disgust"] = Emotion.Disgust, ["disgusted"] = Emotion.Disgust,
        ["fear"] = Emotion.Fear, ["fearful"] = Emotion.Fear, ["afraid"] = Emotion.Fear, ["scared"] = Emotion.Fear,
        ["happy"] = Emotion.Happy, ["happiness"] = Emotion.Happy, ["joy"] = Emotion.Happy,
        ["sad"] = Emotion.Sad, ["sadness"] = Emotion.Sad,
        ["surprise"] = Emotion.Surprise, ["surprised"] = Emotion.Surprise,
        ["neutral"] = Emotion.Neutral, ["calm"] = Emotion.Neutral,
    };

    private readonly int[] indexByFerLabel;

    private ClassSet(string name, params Emotion[] classes)
    {
        Name = name;
        Classes = classes;
        indexByFerLabel = Enumerable.Repeat(-1, 7).ToArray();
        for (var i = 0; i < classes.Length; i++) indexByFerLabel[(int)classes[i]] = i;
    }

    /// <summary>The FER2013 seven, in FER2013 label order (the default).</summary>
    public static ClassSet Fer7 { get; } = new("fer7", Emotion.Angry, Emotion.Disgust, Emotion.Fear, Emotion.Happy, Emotion.Sad, Emotion.Surprise, Emotion.Neutral);

    /// <summary>The seed system's six: FER2013 without Disgust.</summary>
    public static ClassSet Seed6 { get; } = new("seed6", Emotion.Happy, Emotion.Sad, Emotion.Angry, Emotion.Surprise, Emotion.Fear, Emotion.Neutral);

    /// <summary>All named class sets.</summary>
    public static IReadOnlyList<ClassSet> All { get; } = [Fer7, Seed6];

    /// <summary>The set's name as used on the command line and in checkpoints (<c>fer7</c>, <c>seed6</c>).</summary>
    public string Name { get; }

    /// <summary>The emotions in class-index order.</summary>
    public IReadOnlyList<Emotion> Classes { get; }

    /// <summary>Number of classes.</summary>
    public int Count => Classes.Count;

    /// <summary>Class names in class-index order.</summary>
    public IReadOnlyList<string> ClassNames => Classes.Select(c => c.ToString()).ToArray();

    /// <summary>The class index of a FER2013 label (0-6), or -1 where the set leaves it out.</summary>
    public int IndexOfFerLabel(int ferLabel) => ferLabel is >= 0 and <= 6 ? indexByFerLabel[ferLabel] : -1;

    /// <summary>The class index of an emotion, or -1 where the set leaves it out.</summary>
    public int IndexOf(Emotion emotion) => IndexOfFerLabel((int)emotion);

    /// <summary>Finds a class set by name (case-insensitive).</summary>
    /// <exception cref="EmotionNetException">No set has that name.</exception>
    public static ClassSet FromName(string name) =>
        All.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new EmotionNetException($"Unknown class set '{name}': expected one of {string.Join(", ", All.Select(s => s.Name))}.");

    /// <summary>Maps a folder or label name to an emotion, case-insensitively, with common synonyms (anger, happiness, surprised, ...).</summary>
    public static bool TryParseEmotion(string name, out Emotion emotion) => Synonyms.TryGetValue(name.Trim(), out emotion);

    /// <inheritdoc />
    public override string ToString() => Name;
}
