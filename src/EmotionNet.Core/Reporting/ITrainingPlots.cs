using EmotionNet.Core.Evaluation;

namespace EmotionNet.Core.Reporting;

/// <summary>
/// Draws a training run's plots. The trainer depends on this seam, not on a plotting library;
/// EmotionNet.Plotting implements it on ScottPlot (<c>TrainingPlots.Instance</c>).
/// </summary>
public interface ITrainingPlots
{
    /// <summary>Writes loss and accuracy per epoch, training against validation, to <paramref name="path"/> (a PNG, atomically).</summary>
    void SaveTrainingCurves(IReadOnlyList<EpochRecord> epochs, string path);

    /// <summary>Writes <paramref name="metrics"/>' confusion matrix, titled <paramref name="title"/>, to <paramref name="path"/> (a PNG, atomically).</summary>
    void SaveConfusionMatrix(ClassificationMetrics metrics, string path, string title);
}
