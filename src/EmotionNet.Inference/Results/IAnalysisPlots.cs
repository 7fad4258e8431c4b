using EmotionNet.Core.Emotions;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.Inference.Results;

/// <summary>
/// Draws an analysis run's plots. The runner depends on this seam, not on a plotting library, so an app
/// that wants only tables carries no graphics natives; EmotionNet.Plotting implements it on ScottPlot.
/// </summary>
public interface IAnalysisPlots
{
    /// <summary>Writes the probability of each class over time, per face, to <paramref name="path"/> (a PNG, atomically).</summary>
    void SaveTimeline(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title);

    /// <summary>Writes each face's class probabilities, one bar per face labelled with its photo, to <paramref name="path"/> (a PNG, atomically): independent photos have no time axis.</summary>
    void SavePhotoFaces(string path, IReadOnlyList<FrameResult> frames, ClassSet classes, string title);
}
