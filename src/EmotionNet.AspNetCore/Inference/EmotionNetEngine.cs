using System.Diagnostics;
using EmotionNet.AspNetCore.Telemetry;
using EmotionNet.Core.Classifiers;
using OpenCvSharp;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// What every endpoint shares: the classifier and detector pools and the gate that bounds analyses
/// running at once. Images and stream frames go through <see cref="Analyze"/>.
/// </summary>
internal sealed class EmotionNetEngine : IDisposable
{
    private readonly ClassifierPool classifiers;
    private readonly DetectorPool detectors;
    private readonly Lazy<Task<IEmotionClassifier>> facade;

    public EmotionNetEngine(EmotionNetServerOptions options)
    {
        Options = options;
        classifiers = new ClassifierPool(options.Classifier!, options.ClassifierInstances);
        detectors = new DetectorPool(options.Detector, options.Limits.EffectiveConcurrentAnalyses);
        Gate = new AnalysisGate(options.Limits);
        facade = new(async () => PooledClassifier.Over(classifiers, await classifiers.Ready));
    }

    public EmotionNetServerOptions Options { get; }

    public AnalysisGate Gate { get; }

    /// <summary>Completes when the model is loaded (faulted when it could not be).</summary>
    public Task ModelReady => classifiers.Ready;

    /// <summary>The classifier every request shares (a facade over the pool), once loaded.</summary>
    public Task<IEmotionClassifier> ClassifierAsync() => facade.Value;

    /// <summary>A pipeline of its own (tracker, recognizer state) for one image or one stream.</summary>
    public async Task<FramePipeline> NewPipelineAsync() => new(await ClassifierAsync(), Options.Analyzer);

    /// <summary>
    /// Analyzes <paramref name="image"/> with <paramref name="pipeline"/> on a pooled detector, inside an analysis slot
    /// the caller holds. Returns the faces and the seconds it took.
    /// </summary>
    public (IReadOnlyList<AnalyzedFace> Faces, double Seconds) Analyze(FramePipeline pipeline, Mat image)
    {
        var clock = Stopwatch.StartNew();
        var detector = detectors.Rent();
        try
        {
            return (pipeline.Analyze(image, detector), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            detectors.Return(detector);
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
