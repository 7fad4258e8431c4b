using EmotionNet.IO;
using System.Diagnostics;
using EmotionNet.Vision.Annotation;
using EmotionNet.Inference.Results;
using EmotionNet.Inference.Segments;
using EmotionNet.Vision.Sources;
using EmotionNet.Models;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// Runs an <see cref="EmotionAnalyzer"/> over a source and writes the results: frames.csv, frames.json,
/// segments.csv, segments.json (each face's stretches of one emotion, <see cref="SegmentBuilder"/>), summary.json, summary.txt, timeline.png (with <see cref="OutputOptions.Plots"/>) and, when asked, annotated video or images, each atomically.
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
        ArgumentNullException.ThrowIfNull(output.Segments);
        output.Segments.Validate();

        try
        {
            Directory.CreateDirectory(output.Directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EmotionNetException($"Could not create the output folder '{output.Directory}': {e.Message}", e);
        }

        var files = new List<string>();
        var frames = new List<FrameResult>();
        var summary = new SummaryBuilder(source.Name, classifier.Classes);
        var isImages = source.Kind is SourceKind.Image or SourceKind.ImageSequence;
        // Each independent photo is its own source and has no duration; a sequence's processed frame stands for Every source frames.
        var independent = options.IndependentPhotos(source.Kind);
        double? frameInterval = null;
        SegmentBuilder? segmenter = null;
        var segments = new List<EmotionSegment>();
        // A file name, not the path as given: batch inputs are absolute paths, and the combined report holds no machine's paths.
        var sourceName = Path.GetFileName(source.Name.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : source.Name;
        var annotatedFolder = Path.Combine(output.Directory, OutputOptions.AnnotatedImages);
        // The source is opened once, by the analyzer, which reports what it is before the first frame.
        SourceInfo? info = null;
        int? total = null;
        AnnotatedVideoWriter? video = null;
        void Opened(SourceInfo opened)
        {
            info = opened;
            total = opened.FrameCount is { } count ? (count + options.Every - 1) / options.Every : null;
            if (options.MaxFrames is { } max) total = total is { } t ? Math.Min(t, max) : max;
            frameInterval = independent || !(opened.Fps > 0) ? null : options.Every / opened.Fps;
            segmenter = new SegmentBuilder(output.Segments, frameInterval);
            if (output.Annotate && !isImages)
                video = new AnnotatedVideoWriter(Path.Combine(output.Directory, OutputOptions.AnnotatedVideo), opened.Fps / options.Every);
        }

        var clock = Stopwatch.StartNew();
        var cancelled = false;
        try
        {
            var analyzer = new EmotionAnalyzer(classifier);
            await foreach (var frame in analyzer.AnalyzeFramesAsync(source, options, Opened, cancellationToken, summary.Skip).ConfigureAwait(false))
            {
                frames.Add(frame.Result);
                summary.Add(frame.Result);
                segments.AddRange(segmenter!.Add(frame.Result, independent ? frame.Result.SourceName ?? sourceName : sourceName));
                if (output.Annotate)
                {
                    if (video is not null)
                    {
                        FrameAnnotator.Draw(frame.Image, frame.Result.Annotations());
                        video.Write(frame.Image);
                    }
                    else
                    {
                        using var annotated = FrameAnnotator.DrawCopy(frame.Image, frame.Result.Annotations());
                        files.Add(AnnotatedImageWriter.Write(annotatedFolder, frame.Result.SourceName ?? $"frame{frame.Result.FrameIndex}", annotated));
                    }
                }
                progress?.Report(new AnalysisProgress(frames.Count, total, frames.Count / Math.Max(1e-9, clock.Elapsed.TotalSeconds), frame.Result.Faces.Count));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        catch
        {
            video?.Dispose();
            throw;
        }
        clock.Stop();

        var result = summary.Build();
        var csv = Path.Combine(output.Directory, OutputOptions.FramesCsv);
        CsvResultWriter.Write(csv, frames, classifier.Classes);
        files.Add(csv);
        var json = Path.Combine(output.Directory, OutputOptions.FramesJson);
        JsonResultWriter.Write(json, source.Name, frames, classifier.Classes);
        files.Add(json);
        if (segmenter is not null) segments.AddRange(segmenter.Finish());
        // Closed segments arrive as each one ends; the files list them by start, as a reader looks for "when".
        var ordered = segments.OrderBy(s => s.StartFrame).ThenBy(s => s.TrackId).ToArray();
        var segmentsCsv = Path.Combine(output.Directory, OutputOptions.SegmentsCsv);
        SegmentCsv.Write(segmentsCsv, ordered);
        files.Add(segmentsCsv);
        var segmentsJson = Path.Combine(output.Directory, OutputOptions.SegmentsJson);
        SegmentJson.Write(segmentsJson, source.Name, ordered, output.Segments, frameInterval);
        files.Add(segmentsJson);
        var summaryJson = Path.Combine(output.Directory, OutputOptions.SummaryJson);
        AtomicFile.WriteAllText(summaryJson, result.ToJson());
        files.Add(summaryJson);
        var summaryText = Path.Combine(output.Directory, OutputOptions.SummaryText);
        AtomicFile.WriteAllText(summaryText, result.ToTable());
        files.Add(summaryText);
        if (output.Plots is { } plots)
        {
            var plot = Path.Combine(output.Directory, OutputOptions.TimelinePng);
            plots.SaveTimeline(plot, frames, classifier.Classes, Path.GetFileName(source.Name.TrimEnd('/', '\\')));
            files.Add(plot);
        }
        if (video is not null)
        {
            using (video)
            {
                if (video.Complete() is { } videoPath) files.Add(videoPath);
            }
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        info ??= new SourceInfo(source.Kind, source.Name, 0, 0, 0, 0); // cancelled before the source opened
        return new AnalysisReport(info, result, files.Select(Path.GetFullPath).ToArray(), elapsed, frames.Count / Math.Max(1e-9, elapsed), cancelled) { Segments = ordered.Length };
    }
}
