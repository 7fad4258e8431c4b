using System.CommandLine;
using EmotionNet.AspNetCore;
using EmotionNet.Cli.Commands;

namespace EmotionNet.Cli.Serving;

/// <summary>What <c>emotionnet serve</c> was asked: where to listen, and the server's options (except the model, which the command loads).</summary>
internal sealed record ServeSettings(string[] Urls, ModelChoice Model, EmotionNetServerOptions Server)
{
    public static ServeSettings Parse(ParseResult parse, ServeFlags flags)
    {
        var urls = ListenAddresses.Parse(parse.GetValue(flags.Urls)!);
        var key = parse.GetValue(flags.ApiKey) ?? (Environment.GetEnvironmentVariable(ServeFlags.ApiKeyVariable) is { Length: > 0 } k ? k : null);
        if (key is not null && key.Length < 16) throw new UsageException("--api-key must be at least 16 characters (e.g. 'openssl rand -hex 16').");
        var remote = urls.Where(u => !ListenAddresses.IsLoopback(u)).ToArray();
        if (remote.Length > 0 && key is null && !parse.GetValue(flags.AllowRemoteWithoutKey))
            throw new UsageException($"--urls {string.Join(";", remote)} listens beyond this machine without an API key: give --api-key (or ${ServeFlags.ApiKeyVariable}), or --allow-remote-without-key if the network is trusted.");
        var rate = parse.GetValue(flags.Rate);
        var limits = EmotionNetLimits.Default with
        {
            MaxImageBytes = parse.GetValue(flags.MaxImageBytes),
            MaxImagePixels = parse.GetValue(flags.MaxImagePixels),
            MaxVideoBytes = parse.GetValue(flags.MaxVideoBytes),
            MaxVideoSeconds = parse.GetValue(flags.MaxVideoSeconds),
            MaxConcurrentAnalyses = parse.GetValue(flags.MaxConcurrent),
            MaxStreams = parse.GetValue(flags.MaxStreams),
            RequestsPerSecond = rate,
            RateBurst = Math.Max(1, 2 * rate),
            RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(flags.Timeout)),
        };
        var server = new EmotionNetServerOptions
        {
            ApiKey = key,
            JobsDirectory = parse.GetValue(flags.Jobs),
            ClassifierInstances = parse.GetValue(flags.Instances),
            Analyzer = Inference.Analysis.AnalyzerOptions.Default with { Detector = Vision.Faces.DetectorOptions.Default with { Kind = parse.GetValue(flags.Detector) } },
            Limits = limits,
            Plots = Plotting.AnalysisPlots.Instance,
        };
        return new ServeSettings(urls, new ModelChoice(parse.GetValue(flags.Checkpoint), parse.GetValue(flags.Backend), parse.GetValue(flags.Device)), server);
    }
}
