using EmotionNet.AspNetCore.Api;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Telemetry;
using Microsoft.AspNetCore.Http;

namespace EmotionNet.AspNetCore.Streaming;

/// <summary>
/// <c>GET /v1/stream</c>, a WebSocket (<see cref="StreamSession"/>). Browsers let any page open a socket to
/// any server, so a browser's Origin must be this server's own or one of
/// <see cref="EmotionNetServerOptions.AllowedOrigins"/>; clients that send no Origin (programs) are let in.
/// </summary>
internal static class StreamEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, EmotionNetEngine engine, EmotionNetMetrics metrics)
    {
        if (!context.WebSockets.IsWebSocketRequest) return Problems.BadRequest("/v1/stream is a WebSocket: connect with ws:// or wss:// and send frames as binary messages.");
        if (!OriginAllowed(context.Request, engine.Options.AllowedOrigins))
            return Problems.Forbidden($"Pages from '{context.Request.Headers.Origin}' may not open this stream (EmotionNetServerOptions.AllowedOrigins).");
        if (await ModelGate.NotReadyAsync(engine, context.RequestAborted) is { } notReady) return notReady;
        if (!engine.TryOpenStream())
        {
            return Problems.Busy($"{engine.Options.Limits.MaxStreams} streams are already open; retry later.");
        }
        metrics.StreamOpened();
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await new StreamSession(socket, engine, metrics).RunAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
        {
            // The client went away.
        }
        finally
        {
            engine.CloseStream();
            metrics.StreamClosed();
        }
        return Results.Empty;
    }

    private static bool OriginAllowed(HttpRequest request, IReadOnlyList<string> allowed)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)) return false;
        if (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)) return true;
        return allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var ok) && Uri.Compare(ok, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }
}
