using System.Net.WebSockets;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Streaming;
using EmotionNet.AspNetCore.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>
/// A stream client that sends frames but never takes a result: the session gives up on it after the send
/// timeout and frees its slot. Over a real socket the kernel's buffers take megabytes of results before a send
/// blocks, so the client here is a WebSocket whose sends never complete.
/// </summary>
public sealed class NeverReadingClientTests
{
    [Fact]
    public async Task A_client_that_never_takes_a_result_is_aborted_after_the_send_timeout_and_others_go_on()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Limits = o.Limits with { StreamSendTimeout = TimeSpan.FromSeconds(1) } });
        var engine = host.Services.GetRequiredService<EmotionNetEngine>();
        await engine.ModelReady;
        var socket = new StuckClientSocket(TestImages.CameraFrame());

        // The session aborts the socket, its pending receive fails as an aborted socket's does (the endpoint
        // takes that as the client gone). The limit only turns a hang into a failure.
        await Assert.ThrowsAsync<WebSocketException>(() => new StreamSession(socket, engine, host.Services.GetRequiredService<EmotionNetMetrics>())
            .RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));

        Assert.True(socket.Aborted);
        Assert.True(socket.SendsStarted >= 1);
        using var other = await StreamClient.ConnectAsync(host.Address);
        await other.SendFrameAsync(TestImages.CameraFrame());
        Assert.Equal("result", (await other.ReceiveAsync())!.Type);
    }

    /// <summary>Receives one frame, then nothing more; its sends never complete until cancelled or aborted.</summary>
    private sealed class StuckClientSocket(byte[] frame) : WebSocket
    {
        private readonly CancellationTokenSource aborted = new();
        private bool sentFrame;
        private WebSocketState state = WebSocketState.Open;

        public bool Aborted => aborted.IsCancellationRequested;

        public int SendsStarted { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => state;

        public override string? SubProtocol => null;

        public override void Abort()
        {
            state = WebSocketState.Aborted;
            aborted.Cancel();
        }

        public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
        {
            if (!sentFrame)
            {
                sentFrame = true;
                frame.CopyTo(buffer.Array!, buffer.Offset);
                return new WebSocketReceiveResult(frame.Length, WebSocketMessageType.Binary, true);
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted.Token);
            await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely);
        }

        public override async Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            SendsStarted++;
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted.Token);
            await Task.Delay(Timeout.Infinite, either.Token);
        }

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Dispose() => aborted.Dispose();
    }
}
