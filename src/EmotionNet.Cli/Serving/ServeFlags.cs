using System.CommandLine;
using EmotionNet.AspNetCore;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Runtime;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Cli.Serving;

/// <summary>The flags of <c>emotionnet serve</c>; defaults come from the option records.</summary>
internal sealed class ServeFlags
{
    /// <summary>The environment variable read for the API key when --api-key is not given (a command line shows in 'ps'; the environment does not).</summary>
    public const string ApiKeyVariable = "EMOTIONNET_API_KEY";

    public Option<string> Urls { get; } = new("--urls") { HelpName = "URLS", Description = "Where to listen, ';'-separated (port 0: any free port).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
    public Option<string?> Checkpoint { get; } = new("--checkpoint") { HelpName = "FILE", Description = "Model checkpoint (.ckpt) or exported ONNX model (.onnx) to serve (default: the shipped model)." };
    public Option<ModelBackend?> Backend { get; } = ModelFlags.Backend();
    public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", DeviceKind.Auto, "Where the model runs");
    public Option<string?> ApiKey { get; } = new("--api-key") { HelpName = "KEY", Description = $"Require this key (16+ characters) in the X-Api-Key header of /v1 and /metrics requests; default ${ApiKeyVariable}." };
    public Option<bool> AllowRemoteWithoutKey { get; } = new("--allow-remote-without-key") { Description = "Listen beyond loopback without an API key (refused otherwise: anyone who reaches the port could use the server)." };
    public Option<string?> Jobs { get; } = new("--jobs") { HelpName = "DIR", Description = "Folder for video jobs (default: emotionnet/jobs under the user's local data folder)." };
    public Option<int> Instances { get; } = new("--model-instances") { HelpName = "N", Description = "Classifier instances: calls that run side by side.", DefaultValueFactory = _ => new EmotionNetServerOptions().ClassifierInstances };
    public Option<FaceDetectorKind> Detector { get; } = FlagParsers.Choice("--detector", "Face detector: yunet or haar.",
        FaceDetectorKind.YuNet, ("yunet", FaceDetectorKind.YuNet), ("haar", FaceDetectorKind.Haar));
    public Option<long> MaxImageBytes { get; } = new("--max-image-bytes") { HelpName = "N", Description = "Largest image upload, in bytes.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxImageBytes };
    public Option<long> MaxImagePixels { get; } = new("--max-image-pixels") { HelpName = "N", Description = "Largest image, in pixels, read from its header before decoding.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxImagePixels };
    public Option<long> MaxVideoBytes { get; } = new("--max-video-bytes") { HelpName = "N", Description = "Largest video upload, in bytes.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxVideoBytes };
    public Option<double> MaxVideoSeconds { get; } = new("--max-video-seconds") { HelpName = "S", Description = "Longest video accepted, in seconds.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxVideoSeconds };
    public Option<int> MaxConcurrent { get; } = new("--max-concurrent") { HelpName = "N", Description = "Analyses running at once; 0 = the processor count.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxConcurrentAnalyses };
    public Option<int> MaxStreams { get; } = new("--max-streams") { HelpName = "N", Description = "WebSocket streams open at once.", DefaultValueFactory = _ => EmotionNetLimits.Default.MaxStreams };
    public Option<int> Rate { get; } = new("--rate") { HelpName = "N", Description = "Requests per second one client address may make (bursts of twice as many).", DefaultValueFactory = _ => EmotionNetLimits.Default.RequestsPerSecond };
    public Option<double> Timeout { get; } = new("--request-timeout") { HelpName = "S", Description = "Longest an HTTP request may take, in seconds.", DefaultValueFactory = _ => EmotionNetLimits.Default.RequestTimeout.TotalSeconds };

    /// <summary>Adds every flag to <paramref name="command"/>, in --help order.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Urls, Checkpoint, Backend, Device, ApiKey, AllowRemoteWithoutKey, Jobs, Instances, Detector, MaxImageBytes, MaxImagePixels, MaxVideoBytes, MaxVideoSeconds, MaxConcurrent, MaxStreams, Rate, Timeout })
            command.Options.Add(option);
    }
}
