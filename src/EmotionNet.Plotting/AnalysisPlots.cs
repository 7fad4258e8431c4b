using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Batch;
using EmotionNet.Inference.Results;

namespace EmotionNet.Plotting;

/// <summary>The analysis runner's plots on ScottPlot: <see cref="EmotionTimelinePlot"/>, <see cref="PhotoFacesPlot"/>, and the batch runner's <see cref="BatchSummaryPlot"/>.</summary>
public sealed class AnalysisPlots : IAnalysisPlots, IBatchPlots
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static AnalysisPlots Instance { get; } = new();

    /// <inheritdoc />
    public void SaveTimeline(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title) =>
        EmotionTimelinePlot.Save(path, frames, classes, title);

    /// <inheritdoc />
    public void SavePhotoFaces(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title) =>
        PhotoFacesPlot.Save(path, frames, classes, title);

    /// <inheritdoc />
    public void SaveBatchSummary(string path, BatchReport report) => BatchSummaryPlot.Save(path, report);
}
