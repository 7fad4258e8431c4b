namespace EmotionNet.Core.Evaluation;

/// <summary>Which clips of a data set an evaluation scores (<see cref="EvaluationOptions.Split"/>, <see cref="EvaluationClips.Select"/>).</summary>
public enum EvaluationSplit
{
    /// <summary>The Training split.</summary>
    Training,
    /// <summary>The PublicTest (validation) split.</summary>
    PublicTest,
    /// <summary>The PrivateTest (test) split: the default for data that names its splits.</summary>
    PrivateTest,
    /// <summary>Every clip of every split, e.g. all of an external labelled folder: the default for a folder without split folders.</summary>
    All,
}
