using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using EmotionNet.AspNetCore.Api;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Telemetry;
using EmotionNet.Inference.Analysis;

namespace EmotionNet.AspNetCore.Streaming;

/// <summary>
/// One WebSocket client: it sends frames (binary messages, each one JPEG, PNG, BMP or WebP image) and
/// gets one JSON text message per analyzed frame, with each face's tracked id and followed emotion
/// (its own tracker and recognizer). Receiving and analyzing run apart, joined by a one-frame slot:
/// a frame that arrives while the last is still waiting replaces it (counted as dropped), so a client
/// that sends faster than the server analyzes, or stops reading, costs one frame of memory, never a
/// queue. A result that cannot be sent within the send timeout ends the connection. A text message
/// closes it with 1003 (unsupported data), a frame over the size limit with 1009 (message too big).
/// </summary>
internal sealed class StreamSession(WebSocket socket, EmotionNetEngine engine, EmotionNetMetrics metrics)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<Frame> latest = Channel.CreateBounded<Frame>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
        dropped => dropped.Release());
    private readonly EmotionNetLimits limits = engine.Options.Limits;
    private long received;
    private long lastTaken;
    private long taken;

    private sealed record Frame(long Number, byte[] Buffer, int Length)
    {
        public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var frames = await engine.NewFrameAnalyzerAsync();
        var analyzing = Task.Run(() => AnalyzeAsync(frames, stop.Token), CancellationToken.None);
        (WebSocketCloseStatus Status, string Reason)? close = null;
        try
        {
            close = await ReceiveAsync(stop.Token);
        }
        finally
        {
            latest.Writer.TryComplete();
            // The analyzer sends; it stops before the close is sent, since a socket takes one send at a time.
            await stop.CancelAsync();
            try
            {
                await analyzing;
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // The connection is going away.
            }
            while (latest.Reader.TryRead(out var left)) left.Release();
        }
        if (close is { } c && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            await socket.CloseOutputAsync(c.Status, c.Reason, cancellationToken);
    }

    /// <summary>Receives frames until the client closes or breaks a rule; returns the close to send.</summary>
    private async Task<(WebSocketCloseStatus, string)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var chunk = new byte[16384];
        while (socket.State == WebSocketState.Open)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            var length = 0;
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await socket.ReceiveAsync(chunk, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (WebSocketCloseStatus.NormalClosure, "bye");
                    }
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (WebSocketCloseStatus.InvalidMessageType, "send frames as binary messages (JPEG, PNG, BMP or WebP)");
                    }
                    if (length + result.Count > limits.MaxStreamFrameBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (WebSocketCloseStatus.MessageTooBig, $"a frame may be at most {limits.MaxStreamFrameBytes} bytes");
                    }
                    if (length + result.Count > buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(limits.MaxStreamFrameBytes, Math.Max(buffer.Length * 2, length + result.Count)));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    chunk.AsSpan(0, result.Count).CopyTo(buffer.AsSpan(length));
                    length += result.Count;
                }
                while (!result.EndOfMessage);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            var frame = new Frame(++received, buffer, length);
            if (!latest.Writer.TryWrite(frame)) frame.Release();
        }
        return null;
    }

    private async Task AnalyzeAsync(FrameAnalyzer frames, CancellationToken cancellationToken)
    {
        var classes = (await engine.ClassifierAsync()).Classes;
        await foreach (var frame in latest.Reader.ReadAllAsync(cancellationToken))
        {
            StreamMessage message;
            try
            {
                message = await AnalyzeAsync(frames, frame, classes, cancellationToken);
            }
            finally
            {
                frame.Release();
            }
            using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            sendTimeout.CancelAfter(limits.StreamSendTimeout);
            try
            {
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message, Json), WebSocketMessageType.Text, true, sendTimeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client stopped reading: it goes, rather than holding a slot and a socket for ever.
                socket.Abort();
                return;
            }
        }
    }

    private async Task<StreamMessage> AnalyzeAsync(FrameAnalyzer frames, Frame frame, Core.Emotions.ClassSet classes, CancellationToken cancellationToken)
    {
        var skipped = frame.Number - 1 - lastTaken;
        lastTaken = frame.Number;
        taken++;
        if (skipped > 0) metrics.Dropped((int)skipped);
        var droppedSoFar = frame.Number - taken;
        using var slot = await engine.Gate.EnterAsync(cancellationToken);
        if (slot is null) return Error(frame, droppedSoFar, "the server is busy; this frame was not analyzed");
        var analyzed = engine.Analyze(frames, frame.Buffer.AsMemory(0, frame.Length), limits.MaxStreamPixels);
        if (analyzed.Frame is not { } result) return Error(frame, droppedSoFar, analyzed.Refused!);
        metrics.Analyzed("stream", result.Faces.Count, analyzed.Seconds);
        return new StreamMessage("result", frame.Number, result.Width, result.Height, ApiModels.Faces(result.Faces, classes), droppedSoFar, Math.Round(analyzed.Seconds, 4));
    }

    private static StreamMessage Error(Frame frame, long dropped, string detail) => new("error", frame.Number, 0, 0, [], dropped, 0, detail);
}
