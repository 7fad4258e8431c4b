using System.Diagnostics;
using EmotionNet.Core.Classifiers;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Faces;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// What every endpoint shares: the classifier and detector pools and the gate that bounds analyses
/// running at once. Images and stream frames go through <see cref="Analyze"/>, each image and each stream
/// with a <see cref="FrameAnalyzer"/> of its own (the library's per-frame pipeline: what <c>analyze</c> does to a video's frames).
/// </summary>
internal sealed class EmotionNetEngine : IDisposable
{
    private readonly ClassifierPool classifiers;
    private readonly FaceDetectorPool detectors;
    private readonly Lazy<Task<IEmotionClassifier>> facade;

    public EmotionNetEngine(EmotionNetServerOptions options)
    {
        Options = options;
        classifiers = new ClassifierPool(options.Classifier!, options.ClassifierInstances);
        // One detector per analysis in progress: a detector runs one call at a time.
        detectors = new FaceDetectorPool(options.Analyzer.Detector, options.Limits.EffectiveConcurrentAnalyses);
        Gate = new AnalysisGate(options.Limits);
        facade = new(async () => PooledClassifier.Over(classifiers, await classifiers.Ready));
    }

    public EmotionNetServerOptions Options { get; }

    public AnalysisGate Gate { get; }

    /// <summary>Completes when the model is loaded (faulted when it could not be).</summary>
    public Task ModelReady => classifiers.Ready;

    /// <summary>The classifier every request shares (a facade over the pool), once loaded.</summary>
    public Task<IEmotionClassifier> ClassifierAsync() => facade.Value;

    /// <summary>A frame analyzer of its own (tracker, recognizer state) for one image or one stream.</summary>
    public async Task<FrameAnalyzer> NewFrameAnalyzerAsync() => new(await ClassifierAsync(), Options.Analyzer);

    /// <summary>
    /// Decodes <paramref name="bytes"/> (<see cref="ImageInput"/>) and analyzes the image with <paramref name="frames"/>
    /// on a pooled detector, inside an analysis slot the caller holds. <see cref="AnalyzedImage.Seconds"/> counts decoding too.
    /// </summary>
    public AnalyzedImage Analyze(FrameAnalyzer frames, ReadOnlyMemory<byte> bytes, long maxPixels)
    {
        var clock = Stopwatch.StartNew();
        using var image = ImageInput.Decode(bytes, maxPixels, out var refused);
        if (refused is not null) return new AnalyzedImage(null, refused, clock.Elapsed.TotalSeconds);
        var detector = Options.Analyzer.FacesCropped ? null : detectors.Rent();
        try
        {
            return new AnalyzedImage(frames.Analyze(image, detector), null, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            if (detector is not null) detectors.Return(detector);
        }
    }

    private int streams;

    /// <summary>Claims a stream connection, or false when <see cref="EmotionNetLimits.MaxStreams"/> are open.</summary>
    public bool TryOpenStream()
    {
        if (Interlocked.Increment(ref streams) <= Options.Limits.MaxStreams) return true;
        Interlocked.Decrement(ref streams);
        return false;
    }

    public void CloseStream() => Interlocked.Decrement(ref streams);

    public void Dispose()
    {
        Gate.Dispose();
        detectors.Dispose();
        // Loading may still run (a slow model at shutdown): dispose what it made once it ends.
        if (classifiers.Ready.IsCompleted) classifiers.Dispose();
        else _ = classifiers.Ready.ContinueWith(_ => classifiers.Dispose(), TaskScheduler.Default);
    }
}
