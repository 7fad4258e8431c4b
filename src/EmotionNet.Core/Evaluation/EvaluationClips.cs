using EmotionNet.Core.Data;

namespace EmotionNet.Core.Evaluation;

/// <summary>The clips an evaluation scores, and which split they are.</summary>
/// <param name="Split">The split chosen (never null: a default is resolved).</param>
/// <param name="IsDefault">True when <see cref="Split"/> is the data's default, not asked for.</param>
/// <param name="Clips">Its clips; for <see cref="EvaluationSplit.All"/> Training, PublicTest and PrivateTest in that order.</param>
/// <param name="Description">What was scored, for a report line: <c>the 3589 PrivateTest clips</c>, <c>all 600 clips (Training 480 + PublicTest 60 + PrivateTest 60)</c>.</param>
public sealed record EvaluationClips(EvaluationSplit Split, bool IsDefault, FaceClipSet Clips, string Description)
{
    /// <summary>
    /// The split scored when none is asked for: <see cref="EvaluationSplit.All"/> for a folder whose
    /// splits the hash rule assigned (<see cref="FaceDataSplits.SplitByRule"/>), since an external
    /// folder's hashed PrivateTest is an arbitrary tenth of it; <see cref="EvaluationSplit.PrivateTest"/>
    /// for data that names its splits (a FER2013 CSV, a folder with split folders), as papers report.
    /// </summary>
    public static EvaluationSplit DefaultFor(FaceDataSplits data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.SplitByRule ? EvaluationSplit.All : EvaluationSplit.PrivateTest;
    }

    /// <summary>Whether the clips scored include those of <paramref name="split"/> (all do for <see cref="EvaluationSplit.All"/>).</summary>
    public bool Includes(DataSplit split) => Split switch
    {
        EvaluationSplit.All => true,
        EvaluationSplit.Training => split == DataSplit.Training,
        EvaluationSplit.PublicTest => split == DataSplit.PublicTest,
        EvaluationSplit.PrivateTest => split == DataSplit.PrivateTest,
        _ => false,
    };

    /// <summary>The clips of <paramref name="split"/> in <paramref name="data"/> (null: <see cref="DefaultFor"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="split"/> is no <see cref="EvaluationSplit"/> value.</exception>
    public static EvaluationClips Select(FaceDataSplits data, EvaluationSplit? split)
    {
        ArgumentNullException.ThrowIfNull(data);
        var chosen = split ?? DefaultFor(data);
        var clips = chosen switch
        {
            EvaluationSplit.Training => data.Training,
            EvaluationSplit.PublicTest => data.PublicTest,
            EvaluationSplit.PrivateTest => data.PrivateTest,
            EvaluationSplit.All => FaceClipSet.Concat([data.Training, data.PublicTest, data.PrivateTest]),
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "not an EvaluationSplit"),
        };
        var description = chosen == EvaluationSplit.All
            ? $"all {clips.Count} clips (Training {data.Training.Count} + PublicTest {data.PublicTest.Count} + PrivateTest {data.PrivateTest.Count})"
            : $"the {clips.Count} {chosen} clips";
        return new EvaluationClips(chosen, split is null, clips, description);
    }
}
