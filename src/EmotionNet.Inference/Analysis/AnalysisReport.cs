using EmotionNet.Inference.Results;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>The outcome of a run: what the source was, the summary, the files written and the speed.</summary>
/// <param name="Source">The source as opened.</param>
/// <param name="Summary">Per-face and per-input summary.</param>
/// <param name="Files">Every file written, by full path.</param>
/// <param name="ElapsedSeconds">Wall-clock time of the analysis (decoding to recognition, outputs excluded).</param>
/// <param name="FramesPerSecond">Processed frames per second over <paramref name="ElapsedSeconds"/>.</param>
/// <param name="Cancelled">True when the run was stopped early by cancellation; the outputs hold the frames done.</param>
public sealed record AnalysisReport(SourceInfo Source, AnalysisSummary Summary, IReadOnlyList<string> Files, double ElapsedSeconds, double FramesPerSecond, bool Cancelled)
{
    /// <summary>Rows written to segments.csv (<see cref="OutputOptions.SegmentsCsv"/>): each face's stretches of one emotion.</summary>
    public int Segments { get; init; }
}
