using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EmotionNet.AspNetCore.Api;

namespace EmotionNet.AspNetCore.Tests;

public sealed class AnalyzeEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(".png", "image/png")]
    [InlineData(".jpg", "image/jpeg")]
    [InlineData(".bmp", "image/bmp")]
    [InlineData(".webp", "image/webp")]
    public async Task Each_format_gives_both_faces_left_to_right_with_landmarks_and_probabilities(string extension, string type)
    {
        using var content = new ByteArrayContent(TestImages.TwoFaces(extension));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<AnalyzeResponse>();
        Assert.NotNull(result);
        Assert.Equal((640, 480), (result.Width, result.Height));
        Assert.Equal(2, result.Faces.Count);
        Assert.Equal([1, 2], result.Faces.Select(f => f.Id));
        Assert.True(Overlap(result.Faces[0].Box, TestImages.LeftFace) > 0.5, $"{result.Faces[0].Box}");
        Assert.True(Overlap(result.Faces[1].Box, TestImages.RightFace) > 0.5, $"{result.Faces[1].Box}");
        foreach (var face in result.Faces)
        {
            Assert.NotNull(face.Landmarks);
            Assert.Equal(["Angry", "Disgust", "Fear", "Happy", "Sad", "Surprise", "Neutral"], face.Probabilities.Keys);
            Assert.InRange(face.Probabilities.Values.Sum(), 0.99f, 1.01f);
            Assert.Equal(face.Probabilities.MaxBy(p => p.Value).Key, face.Label);
            Assert.Equal(face.Probabilities[face.Label], face.Confidence);
        }
    }

    [Fact]
    public async Task A_multipart_upload_gives_the_same_faces_as_the_raw_body()
    {
        var png = TestImages.TwoFaces();
        using var raw = new ByteArrayContent(png);
        raw.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", "../../etc/passwd.png");

        var direct = await (await server.Host.Client.PostAsync("/v1/analyze", raw)).Content.ReadFromJsonAsync<AnalyzeResponse>();
        using var response = await server.Host.Client.PostAsync("/v1/analyze", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var viaForm = await response.Content.ReadFromJsonAsync<AnalyzeResponse>();
        Assert.Equal(direct!.Faces.Select(f => (f.Box, f.Label)), viaForm!.Faces.Select(f => (f.Box, f.Label)));
    }

    [Fact]
    public async Task Concurrent_requests_each_get_the_answer_a_lone_request_gets()
    {
        var png = TestImages.TwoFaces();
        var alone = await AnalyzeAsync(png);

        var together = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => AnalyzeAsync(png)));

        foreach (var result in together)
        {
            Assert.Equal(alone.Faces.Select(f => f.Box), result.Faces.Select(f => f.Box));
            for (var i = 0; i < alone.Faces.Count; i++)
                Assert.Equal(alone.Faces[i].Probabilities.Values, result.Faces[i].Probabilities.Values, (a, b) => Math.Abs(a - b) < 1e-5f);
        }
    }

    [Fact]
    public async Task An_image_without_a_face_gives_no_face()
    {
        using var blank = new OpenCvSharp.Mat(240, 320, OpenCvSharp.MatType.CV_8UC3, OpenCvSharp.Scalar.All(128));
        using var content = new ByteArrayContent(TestImages.Encode(blank, ".png"));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);

        var result = await response.Content.ReadFromJsonAsync<AnalyzeResponse>();
        Assert.Empty(result!.Faces);
    }

    private async Task<AnalyzeResponse> AnalyzeAsync(byte[] png)
    {
        using var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AnalyzeResponse>())!;
    }

    private static double Overlap(BoxDto a, Vision.Faces.FaceBox b) => new Vision.Faces.FaceBox(a.X, a.Y, a.Width, a.Height).IntersectionOverUnion(b);
}
