using System.CommandLine;
using EmotionNet.AspNetCore;
using EmotionNet.Cli.Commands;
using EmotionNet.Cli.Console;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EmotionNet.Cli.Serving;

/// <summary><c>emotionnet serve</c>: the EmotionNet.AspNetCore endpoints and page on Kestrel, on loopback unless told otherwise.</summary>
internal static class ServeCommand
{
    /// <summary>The line printed once the server listens, followed by its address (tests and scripts read it to find a port 0 server).</summary>
    public const string ListeningLine = "EmotionNet is listening on ";

    public static Command Create() => Create(Classifiers.Load);

    public static Command Create(ClassifierLoader loadClassifier)
    {
        var flags = new ServeFlags();
        var command = new Command("serve", "Serve emotion recognition over HTTP: POST /v1/analyze (images), /v1/videos (jobs), the /v1/stream WebSocket, /healthz, /readyz, /metrics, /openapi/emotionnet.json, and a live camera page at /. Listens on loopback by default (docs/serving.md).");
        flags.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(ServeSettings.Parse(parse, flags), loadClassifier, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, ClassifierLoader loadClassifier, CancellationToken cancellationToken)
    {
        OpenCvSharp.Cv2.SetLogLevel(OpenCvSharp.LogLevel.SILENT);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(settings.Urls);
        // Logs go to standard error (standard output carries the address); one line each unless debugging.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = Environment.GetEnvironmentVariable(CliApp.DebugVariable) == "1" ? ConsoleFormatterNames.Simple : OneLineLogFormatter.FormatterName;
        }).AddConsoleFormatter<OneLineLogFormatter, ConsoleFormatterOptions>();
        builder.Services.AddEmotionNet(settings.Server with { Classifier = () => loadClassifier(settings.Model) });
        await using var app = builder.Build();
        app.MapEmotionNet();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            // Kestrel's bind failures (address in use, no such address) are about the machine, not a bug.
            throw new Core.EmotionNetException($"Could not listen on {string.Join(";", settings.Urls)}: {e.Message}", e);
        }
        foreach (var address in app.Urls)
            System.Console.Out.WriteLine(ListeningLine + address);
        Output.Hint(settings.Server.ApiKey is null ? "No API key is required (loopback only unless --allow-remote-without-key). Ctrl+C stops." : "Requests need the API key (X-Api-Key). Ctrl+C stops.");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop below, letting running requests and the video job in progress end cleanly.
        }
        await app.StopAsync(CancellationToken.None);
        return 0;
    }
}
