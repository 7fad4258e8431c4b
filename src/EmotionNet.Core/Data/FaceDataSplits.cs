using EmotionNet.Core.Evaluation;

namespace EmotionNet.Core.Data;

/// <summary>A data set split three ways, with what loading it skipped.</summary>
/// <param name="Training">Clips to train on.</param>
/// <param name="PublicTest">Validation clips (model selection, early stopping).</param>
/// <param name="PrivateTest">Test clips (reported once).</param>
/// <param name="Report">Rows or files skipped and why; for a folder, the class folders and what each was read as.</param>
public sealed record FaceDataSplits(FaceClipSet Training, FaceClipSet PublicTest, FaceClipSet PrivateTest, DataLoadReport Report)
{
    /// <summary>
    /// True when the data named no splits and <see cref="FolderDatasetReader"/> assigned them by its
    /// hash rule (a folder without split folders); false when the data names them (a FER2013 CSV's
    /// Usage column, split folders). An external folder's hashed PrivateTest is only a tenth of it,
    /// so evaluation scores all of such a folder by default (<see cref="EvaluationClips"/>).
    /// </summary>
    public bool SplitByRule { get; init; }

    /// <summary>The clips of one split.</summary>
    public FaceClipSet this[DataSplit split] => split switch
    {
        DataSplit.Training => Training,
        DataSplit.PublicTest => PublicTest,
        DataSplit.PrivateTest => PrivateTest,
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };
}
