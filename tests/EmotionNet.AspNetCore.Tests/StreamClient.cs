using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using EmotionNet.AspNetCore.Streaming;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>A WebSocket client of /v1/stream.</summary>
public sealed class StreamClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private StreamClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<StreamClient> ConnectAsync(Uri server, string query = "", Action<ClientWebSocketOptions>? configure = null)
    {
        var socket = new ClientWebSocket();
        configure?.Invoke(socket.Options);
        await socket.ConnectAsync(new Uri($"ws://{server.Authority}/v1/stream{query}"), CancellationToken.None);
        return new StreamClient(socket);
    }

    public Task SendFrameAsync(byte[] frame) => Socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>The next result or error; null when the server closed the socket instead.</summary>
    public async Task<StreamMessage?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        return JsonSerializer.Deserialize<StreamMessage>(Encoding.UTF8.GetString(message.ToArray()), Json);
    }

    public void Dispose() => Socket.Dispose();
}
