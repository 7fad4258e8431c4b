using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.IO;
using EmotionNet.Inference.Results;
using EmotionNet.Inference.Segments;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// Runs an <see cref="EmotionAnalyzer"/> over a source and writes the results: frames.csv, frames.json,
/// segments.csv, segments.json (each face's stretches of one emotion, <see cref="SegmentBuilder"/>), summary.json, summary.txt, timeline.png or, for independent photos, faces.png (with <see cref="OutputOptions.Plots"/>) and, when asked, annotated video or images, each atomically.
/// Cancellation (Ctrl+C on a camera) stops reading; the frames done so far are still written and the
/// report says <see cref="AnalysisReport.Cancelled"/>. Files of a folder that cannot be read are skipped
/// and listed in the summary (<see cref="AnalysisSummary.Skipped"/>, summary.json's <c>skipped</c>, summary.txt).
/// </summary>
public static class AnalysisRunner
{
    /// <summary>Analyzes <paramref name="source"/> with <paramref name="classifier"/> and writes every output to <paramref name="output"/>.</summary>
    /// <exception cref="EmotionNetException">The source cannot be read or an output cannot be written.</exception>
    public static async Task<AnalysisReport> RunAsync(
        IEmotionClassifier classifier,
        InputSource source,
        AnalyzerOptions options,
        OutputOptions output,
        IProgress<AnalysisProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();
        output.Validate();

        CreateFolder(output.Directory);
        using var run = new AnalysisRun(classifier, source, options, output, progress);
        var cancelled = false;
        try
        {
            using var analyzer = new EmotionAnalyzer(classifier);
            await foreach (var frame in analyzer.AnalyzeFramesAsync(source, options, run.Opened, cancellationToken, run.Summary.Skip).ConfigureAwait(false))
                run.Add(frame);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        run.Stop();

        var (summary, files, segments) = WriteOutputs(run, classifier.Classes, source.Name, output);
        var elapsed = run.ElapsedSeconds;
        var info = run.Info ?? new SourceInfo(source.Kind, source.Name, 0, 0, 0, 0); // cancelled before the source opened
        return new AnalysisReport(info, summary, files.Select(Path.GetFullPath).ToArray(), elapsed, run.Frames.Count / Math.Max(1e-9, elapsed), cancelled) { Segments = segments };
    }

    private static void CreateFolder(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not create the output folder '{directory}': {e.Message}", e);
        }
    }

    // Tables first, then the summary, the plot and last the annotated video: what a reader needs most is on disk first.
    private static (AnalysisSummary Summary, List<string> Files, int Segments) WriteOutputs(
        AnalysisRun run, ClassSet classes, string input, OutputOptions output)
    {
        var files = new List<string>(run.AnnotatedFiles);
        string In(string name) { var path = Path.Combine(output.Directory, name); files.Add(path); return path; }

        CsvResultWriter.Write(In(OutputOptions.FramesCsv), run.Frames, classes, run.Timed);
        JsonResultWriter.Write(In(OutputOptions.FramesJson), input, run.Frames, classes, run.Timed);
        var segments = run.FinishSegments();
        SegmentCsv.Write(In(OutputOptions.SegmentsCsv), segments);
        SegmentJson.Write(In(OutputOptions.SegmentsJson), input, segments, output.Segments, run.FrameInterval);
        var summary = run.Summary.Build();
        AtomicFile.WriteAllText(In(OutputOptions.SummaryJson), summary.ToJson());
        AtomicFile.WriteAllText(In(OutputOptions.SummaryText), summary.ToTable());
        var title = run.SourceName;
        // Independent photos have no time axis: each face's probabilities, one bar per face, instead of a timeline.
        if (run.Timed) output.Plots?.SaveTimeline(In(OutputOptions.TimelinePng), run.Frames, classes, title);
        else output.Plots?.SavePhotoFaces(In(OutputOptions.FacesPng), run.Frames, classes, title);
        if (run.CompleteVideo() is { } video) files.Add(video);
        return (summary, files, segments.Length);
    }
}
