using EmotionNet.Inference.Analysis;
using EmotionNet.Inference.Results;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Options;

namespace EmotionNet.AspNetCore;

/// <summary>
/// How <see cref="EmotionNetServiceCollectionExtensions.AddEmotionNet(Microsoft.Extensions.DependencyInjection.IServiceCollection, EmotionNetServerOptions)"/>
/// serves emotion recognition. Every property has a documented default except <see cref="Classifier"/>,
/// the model, which the application chooses.
/// </summary>
public sealed record EmotionNetServerOptions
{
    /// <summary>
    /// Creates one classifier (the model): called <see cref="ClassifierInstances"/> times at start-up.
    /// For example <c>() =&gt; OnnxEmotionClassifier.LoadShipped()</c> or <c>OnnxEmotionClassifier.Load("model.onnx")</c>
    /// (EmotionNet.OnnxRuntime, no libtorch) or <c>() =&gt; EmotionClassifier.LoadShipped()</c> (EmotionNet.Torch). Required. Instances that implement
    /// <see cref="IDisposable"/> are disposed with the application.
    /// </summary>
    public Func<IEmotionClassifier>? Classifier { get; init; }

    /// <summary>
    /// Classifier instances (default 1). Each runs one call at a time (one request's or frame's faces in
    /// one batch); requests beyond it wait for a free one. ONNX Runtime's classifier serializes its calls
    /// anyway, so more instances are what lets it run calls side by side (docs/serving.md measures this).
    /// </summary>
    public int ClassifierInstances { get; init; } = 1;

    /// <summary>
    /// How faces are found, cropped, tracked and followed, for images, stream frames and video jobs alike
    /// (default <see cref="AnalyzerOptions.Default"/>): the detector is <see cref="AnalyzerOptions.Detector"/> (YuNet by
    /// default; one per analysis in progress, pooled), and a stream runs it on every <see cref="AnalyzerOptions.DetectEvery"/>-th
    /// frame as a video job does, following the faces in between.
    /// </summary>
    public AnalyzerOptions Analyzer { get; init; } = AnalyzerOptions.Default;

    /// <summary>Size, time and rate limits (default <see cref="EmotionNetLimits.Default"/>).</summary>
    public EmotionNetLimits Limits { get; init; } = EmotionNetLimits.Default;

    /// <summary>
    /// When set, every <c>/v1</c> endpoint and <c>/metrics</c> require it, in the <c>X-Api-Key</c> header (or, for the
    /// WebSocket, which a browser cannot give headers, the <c>key</c> query parameter) (default null: no key).
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Folder that holds video jobs, one sub-folder each (default null: <c>emotionnet/jobs</c> under the user's local
    /// application data). Jobs survive a restart: queued and interrupted ones run again.
    /// </summary>
    public string? JobsDirectory { get; init; }

    /// <summary>
    /// Draws a video job's timeline.png (default null: no plot). EmotionNet.Plotting's <c>AnalysisPlots.Instance</c>
    /// draws it with ScottPlot; this package references no plotting library.
    /// </summary>
    public IAnalysisPlots? Plots { get; init; }

    /// <summary>Video jobs analyzed at the same time (default 1).</summary>
    public int VideoWorkers { get; init; } = 1;

    /// <summary>Serve the web page at <c>/</c> (default true).</summary>
    public bool WebPage { get; init; } = true;

    /// <summary>Export metrics at <c>/metrics</c> in Prometheus' text format (default true).</summary>
    public bool Metrics { get; init; } = true;

    /// <summary>
    /// Origins (e.g. <c>https://app.example.com</c>) whose pages may call the API and open the stream
    /// (default empty: CORS is off and the stream accepts only same-origin pages and non-browser clients).
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary><see cref="JobsDirectory"/> with its default resolved.</summary>
    public string EffectiveJobsDirectory => JobsDirectory ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "emotionnet", "jobs");

    /// <summary>Throws an <see cref="OptionsException"/> naming the first missing or out-of-range field.</summary>
    public EmotionNetServerOptions Validate()
    {
        var check = new OptionCheck(nameof(EmotionNetServerOptions));
        check.Require(Classifier, Classifier is not null, "must create the model: e.g. () => OnnxEmotionClassifier.LoadShipped()");
        check.Require(ClassifierInstances, ClassifierInstances is >= 1 and <= 64, "must be in [1, 64]");
        check.Require(VideoWorkers, VideoWorkers is >= 1 and <= 16, "must be in [1, 16]");
        check.Require(ApiKey, ApiKey is null || ApiKey.Length >= 16, "must be at least 16 characters when given");
        check.Require(JobsDirectory, JobsDirectory is null || !string.IsNullOrWhiteSpace(JobsDirectory), "must name a folder when given");
        check.Require(AllowedOrigins, AllowedOrigins.All(o => Uri.TryCreate(o, UriKind.Absolute, out var u) && u.AbsolutePath == "/"), "must be origins such as https://app.example.com");
        ArgumentNullException.ThrowIfNull(Analyzer);
        ArgumentNullException.ThrowIfNull(Limits);
        Analyzer.Validate();
        Limits.Validate();
        return this;
    }
}
