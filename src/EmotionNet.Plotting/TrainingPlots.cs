using EmotionNet.Core.Evaluation;
using EmotionNet.Core.Reporting;

namespace EmotionNet.Plotting;

/// <summary>The trainer's plots on ScottPlot: <see cref="TrainingCurvesPlot"/> and <see cref="ConfusionMatrixPlot"/>.</summary>
public sealed class TrainingPlots : ITrainingPlots
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static TrainingPlots Instance { get; } = new();

    /// <inheritdoc />
    public void SaveTrainingCurves(IReadOnlyList<EpochRecord> epochs, string path) => TrainingCurvesPlot.Save(epochs, path);

    /// <inheritdoc />
    public void SaveConfusionMatrix(ClassificationMetrics metrics, string path, string title) => ConfusionMatrixPlot.Save(metrics, path, title);
}
