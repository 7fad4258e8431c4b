using EmotionNet.Cli.Analysis;
using EmotionNet.Cli.Console;
using EmotionNet.Cli.Flags;
using EmotionNet.Inference.Batch;
using EmotionNet.Plotting;
using OpenCvSharp;

namespace EmotionNet.Cli.Commands;

/// <summary>
/// 'emotionnet analyze' over many inputs. When it applies: --batch, --manifest, --shard, more than one
/// input, a glob, or a folder holding videos. One image, one video or one folder of images stays a
/// single analysis written straight into --out, as before.
/// </summary>
internal static class BatchAnalyze
{
    /// <summary>Whether these inputs and flags ask for a batch.</summary>
    public static bool IsBatch(IReadOnlyList<string> inputs, string? manifest, bool batch, string? shard, int? shardCount) =>
        batch || manifest is not null || shard is not null || shardCount is not null || inputs.Count > 1
        || (inputs.Count == 1 && (BatchPlan.IsGlob(inputs[0]) || BatchPlan.HoldsVideos(inputs[0])));

    /// <summary>
    /// Plans the batch and picks the shard. <paramref name="options"/> holds the per-input settings that
    /// <see cref="AnalyzeSettings.ParseForBatch"/> validated.
    /// </summary>
    public static BatchSettings Parse(IReadOnlyList<string> inputs, string? manifest, string? shard, int? shardCount, Func<string, string?> env, AnalyzeSettings options)
    {
        if (manifest is not null && inputs.Count > 0) throw new UsageException("Give input paths or --manifest FILE, not both.");
        if (manifest is null && inputs.Count == 0) throw new UsageException("A batch needs input paths or --manifest FILE.");
        var (picked, origin) = ShardFlags.Resolve(shard, shardCount, env);
        var plan = manifest is not null ? BatchPlan.FromManifest(manifest) : BatchPlan.FromPaths(inputs);
        return new BatchSettings(plan, picked, origin, options);
    }

    /// <summary>The camera value <see cref="AnalyzeSettings.ParseForBatch"/> parses a batch's flags with: it validates every other flag and builds the option records; the camera source it builds is never opened.</summary>
    public static int PlaceholderCamera(int? camera) =>
        camera is null ? 0 : throw new UsageException("--camera cannot be combined with batch inputs.");

    public static async Task<int> RunAsync(BatchSettings settings, ClassifierLoader loadClassifier, CancellationToken cancellationToken)
    {
        Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
        if (settings.ShardOrigin is { } origin) Output.Info($"shard {settings.Shard} ({origin}): {settings.Plan.Select(settings.Shard).Count} of {settings.Plan.Inputs.Count} input(s)");
        var classifier = loadClassifier(settings.Analyze.Model);
        Output.Info($"Model: {settings.Analyze.Model.SourceName}, backend {settings.Analyze.Model.BackendName}.");
        try
        {
            var result = await BatchRunner.RunAsync(classifier, settings.Plan, settings.Analyze.Analyzer, settings.Analyze.Output,
                new BatchOptions { Shard = settings.Shard, Plots = AnalysisPlots.Instance }, BatchView.Lines(), cancellationToken);
            BatchView.PrintResult(result, settings);
            return result.Cancelled ? CliApp.Cancelled : result.Report.Failed > 0 ? CliApp.PartialFailure : 0;
        }
        finally
        {
            (classifier as IDisposable)?.Dispose();
        }
    }
}
