using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using EmotionNet.AspNetCore.Api;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>The /v1/stream WebSocket: tracked faces over frames, and bad messages that end in a clean close.</summary>
public sealed class StreamTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_moving_face_keeps_its_id_and_its_emotion_is_followed_frame_after_frame()
    {
        using var client = await StreamClient.ConnectAsync(server.Host.Address);
        var results = new List<Streaming.StreamMessage>();

        for (var i = 0; i < 6; i++)
        {
            await client.SendFrameAsync(TestImages.CameraFrame(60 + 8 * i));
            results.Add((await client.ReceiveAsync())!);
        }

        Assert.All(results, r => Assert.Equal("result", r.Type));
        Assert.Equal([1, 2, 3, 4, 5, 6], results.Select(r => (int)r.Frame));
        Assert.All(results, r => Assert.Equal((320, 240), (r.Width, r.Height)));
        var face = Assert.Single(results[0].Faces);
        Assert.All(results, r => Assert.Equal(face.Id, Assert.Single(r.Faces).Id));
        // The box follows the face to the right.
        Assert.True(results[^1].Faces[0].Box.X > results[0].Faces[0].Box.X + 20, $"{results[0].Faces[0].Box} -> {results[^1].Faces[0].Box}");
        Assert.All(results, r => Assert.InRange(r.Faces[0].Probabilities.Values.Sum(), 0.99f, 1.01f));
    }

    [Fact]
    public async Task A_frame_that_is_no_image_gets_an_error_message_and_the_stream_goes_on()
    {
        using var client = await StreamClient.ConnectAsync(server.Host.Address);

        await client.SendFrameAsync("definitely not a JPEG"u8.ToArray());
        var error = await client.ReceiveAsync();
        await client.SendFrameAsync(TestImages.CameraFrame());
        var result = await client.ReceiveAsync();

        Assert.Equal("error", error!.Type);
        Assert.Contains("signature", error.Detail, StringComparison.Ordinal);
        Assert.Equal("result", result!.Type);
        Assert.Single(result.Faces);
    }

    [Fact]
    public async Task A_text_message_closes_the_stream_with_1003()
    {
        using var client = await StreamClient.ConnectAsync(server.Host.Address);

        await client.Socket.SendAsync("{\"hello\":1}"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);

        Assert.Null(await client.ReceiveAsync());
        Assert.Equal(WebSocketCloseStatus.InvalidMessageType, client.Socket.CloseStatus);
        Assert.Contains("binary", client.Socket.CloseStatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frame_over_the_size_limit_closes_the_stream_with_1009_in_pieces_or_whole()
    {
        foreach (var pieces in new[] { 1, 40 })
        {
            using var client = await StreamClient.ConnectAsync(server.Host.Address);
            var big = new byte[EmotionNetLimits.Default.MaxStreamFrameBytes + 1];
            var size = big.Length / pieces + 1;
            try
            {
                for (var offset = 0; offset < big.Length; offset += size)
                {
                    var end = Math.Min(big.Length, offset + size);
                    await client.Socket.SendAsync(big.AsMemory(offset, end - offset), WebSocketMessageType.Binary, end == big.Length, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // The server closed while the rest was on its way.
            }

            Assert.Null(await client.ReceiveAsync());
            Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.Socket.CloseStatus);
        }
        await AssertStillServes();
    }

    [Fact]
    public async Task A_client_that_floods_frames_without_reading_gets_the_latest_ones_and_others_are_served_meanwhile()
    {
        using var flooder = await StreamClient.ConnectAsync(server.Host.Address);
        var frame = TestImages.CameraFrame();
        const int sent = 150;

        for (var i = 0; i < sent; i++) await flooder.SendFrameAsync(frame);
        // Another client is served while the flood is being worked through.
        await AssertStillServes();
        using var other = await StreamClient.ConnectAsync(server.Host.Address);
        await other.SendFrameAsync(frame);
        Assert.Equal("result", (await other.ReceiveAsync())!.Type);

        // The flooder reads at last: it gets results up to its last frame, the frames overtaken in between dropped, not queued.
        var results = new List<Streaming.StreamMessage>();
        do results.Add((await flooder.ReceiveAsync())!);
        while (results[^1].Frame < sent);
        Assert.Equal(sent, results[^1].Frame);
        Assert.Equal(sent, results.Count + results[^1].Dropped);
        Assert.True(results.Count < sent, $"{results.Count} results for {sent} frames sent without reading: none was dropped.");
    }

    [Fact]
    public async Task A_page_from_another_origin_may_not_open_the_stream()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri($"ws://{server.Host.Address.Authority}/v1/stream"), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_plain_http_request_to_the_stream_is_a_bad_request()
    {
        using var response = await server.Host.Client.GetAsync("/v1/stream");

        await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "WebSocket");
    }

    private async Task AssertStillServes()
    {
        using var content = new ByteArrayContent(TestImages.TwoFaces());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<AnalyzeResponse>())!.Faces.Count);
    }
}
