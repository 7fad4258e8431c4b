using System.Diagnostics;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Results;
using EmotionNet.Inference.Segments;
using EmotionNet.Vision.Annotation;
using EmotionNet.Vision.Sources;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// What one <see cref="AnalysisRunner"/> run gathers while frames arrive: the frame results, the
/// summary, the closed segments and the annotated video or images. It is told when the source opens
/// (its frame rate decides segment times and the annotated video's rate) and given each frame in order.
/// </summary>
internal sealed class AnalysisRun : IDisposable
{
    private readonly InputSource _source;
    private readonly AnalyzerOptions _options;
    private readonly OutputOptions _output;
    private readonly IProgress<AnalysisProgress>? _progress;
    private readonly bool _independent;
    private readonly List<EmotionSegment> _segments = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew(); // from the start of the run: opening the source counts
    private SegmentBuilder? _segmenter;
    private AnnotatedVideoWriter? _video;
    private int? _total;

    public AnalysisRun(IEmotionClassifier classifier, InputSource source, AnalyzerOptions options, OutputOptions output, IProgress<AnalysisProgress>? progress)
    {
        _source = source;
        _options = options;
        _output = output;
        _progress = progress;
        // Each independent photo is its own source and has no time; a sequence's processed frame stands for Every source frames.
        _independent = options.IndependentPhotos(source.Kind);
        Summary = new SummaryBuilder(source.Name, classifier.Classes, timed: !_independent);
        // A file name, not the path as given: batch inputs are absolute paths, and the combined report holds no machine's paths.
        SourceName = Path.GetFileName(source.Name.TrimEnd('/', '\\')) is { Length: > 0 } name ? name : source.Name;
    }

    /// <summary>The source as the analyzer opened it; null while it has not opened (or never did: cancelled first).</summary>
    public SourceInfo? Info { get; private set; }

    /// <summary>Seconds a processed frame stands for; null for independent photos or a source without a frame rate.</summary>
    public double? FrameInterval { get; private set; }

    public SummaryBuilder Summary { get; }

    /// <summary>The source's file or folder name (not its path): segments' source and the plots' title.</summary>
    public string SourceName { get; }

    /// <summary>Whether the frames have times: false for independent photos.</summary>
    public bool Timed => !_independent;

    public List<FrameResult> Frames { get; } = [];

    /// <summary>Annotated images written so far (the video is added by <see cref="CompleteVideo"/>).</summary>
    public List<string> AnnotatedFiles { get; } = [];

    public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;

    /// <summary>The analyzer's callback: the source is open and says what it is, before its first frame.</summary>
    public void Opened(SourceInfo opened)
    {
        Info = opened;
        _total = opened.FrameCount is { } count ? (count + _options.Every - 1) / _options.Every : null;
        if (_options.MaxFrames is { } max) _total = _total is { } t ? Math.Min(t, max) : max;
        FrameInterval = _independent || !(opened.Fps > 0) ? null : _options.Every / opened.Fps;
        _segmenter = new SegmentBuilder(_output.Segments, FrameInterval);
        if (_output.Annotate && _source.Kind is not (SourceKind.Image or SourceKind.ImageSequence))
            _video = new AnnotatedVideoWriter(Path.Combine(_output.Directory, OutputOptions.AnnotatedVideo), opened.Fps / _options.Every);
    }

    public void Add(AnalyzedFrame frame)
    {
        Frames.Add(frame.Result);
        Summary.Add(frame.Result);
        _segments.AddRange(_segmenter!.Add(frame.Result, _independent ? frame.Result.SourceName ?? SourceName : SourceName));
        if (_output.Annotate) Annotate(frame);
        _progress?.Report(new AnalysisProgress(Frames.Count, _total, Frames.Count / Math.Max(1e-9, ElapsedSeconds), frame.Result.Faces.Count));
    }

    /// <summary>Stops the clock: what follows is writing outputs, not analysis.</summary>
    public void Stop() => _clock.Stop();

    /// <summary>Every segment, the open ones closed, by start (closed segments arrive as each one ends; a reader looks for "when").</summary>
    public EmotionSegment[] FinishSegments()
    {
        if (_segmenter is not null) _segments.AddRange(_segmenter.Finish());
        return _segments.OrderBy(s => s.StartFrame).ThenBy(s => s.TrackId).ToArray();
    }

    /// <summary>Finishes the annotated video under its final name; null when none was written.</summary>
    public string? CompleteVideo()
    {
        if (_video is null) return null;
        using (_video) return _video.Complete();
    }

    /// <summary>Drops an unfinished annotated video (its temporary file), as when the run failed.</summary>
    public void Dispose() => _video?.Dispose();

    private void Annotate(AnalyzedFrame frame)
    {
        if (_video is not null)
        {
            FrameAnnotator.Draw(frame.Image, frame.Result.Annotations());
            _video.Write(frame.Image);
            return;
        }
        using var annotated = FrameAnnotator.DrawCopy(frame.Image, frame.Result.Annotations());
        AnnotatedFiles.Add(AnnotatedImageWriter.Write(Path.Combine(_output.Directory, OutputOptions.AnnotatedImages),
            frame.Result.SourceName ?? $"frame{frame.Result.FrameIndex}", annotated));
    }
}
