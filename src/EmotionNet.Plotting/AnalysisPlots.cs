using EmotionNet.Emotions;
using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Results;

namespace EmotionNet.Plotting;

/// <summary>The analysis runner's plots on ScottPlot: <see cref="EmotionTimelinePlot"/>.</summary>
public sealed class AnalysisPlots : IAnalysisPlots
{
    /// <summary>The shared instance; it holds no state.</summary>
    public static AnalysisPlots Instance { get; } = new();

    /// <inheritdoc />
    public void SaveTimeline(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title) =>
        EmotionTimelinePlot.Save(path, frames, classes, title);
}
