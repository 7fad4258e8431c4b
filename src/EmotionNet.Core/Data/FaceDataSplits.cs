namespace EmotionNet.Data;

/// <summary>A data set split three ways, with what loading it skipped.</summary>
/// <param name="Training">Clips to train on.</param>
/// <param name="PublicTest">Validation clips (model selection, early stopping).</param>
/// <param name="PrivateTest">Test clips (reported once).</param>
/// <param name="Report">Rows or files skipped and why.</param>
public sealed record FaceDataSplits(FaceClipSet Training, FaceClipSet PublicTest, FaceClipSet PrivateTest, DataLoadReport Report)
{
    /// <summary>The clips of one split.</summary>
    public FaceClipSet this[DataSplit split] => split switch
    {
        DataSplit.Training => Training,
        DataSplit.PublicTest => PublicTest,
        DataSplit.PrivateTest => PrivateTest,
        _ => throw new ArgumentOutOfRangeException(nameof(split)),
    };
}
