using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EmotionNet.AspNetCore.Api;
using EmotionNet.TestSupport;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Bad uploads over HTTP: each gets a 4xx problem saying why, and the server goes on serving.</summary>
public sealed class BadInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("images/zero-byte.png", "image/png", HttpStatusCode.BadRequest, "empty")]
    [InlineData("images/not-an-image.png", "image/png", HttpStatusCode.UnprocessableEntity, "signature")]
    [InlineData("images/garbage.jpg", "image/jpeg", HttpStatusCode.UnprocessableEntity, "")]
    [InlineData("images/truncated.png", "image/png", HttpStatusCode.UnprocessableEntity, "cut short")]
    [InlineData("images/truncated.jpg", "image/jpeg", HttpStatusCode.UnprocessableEntity, "cut short")]
    [InlineData("images/pixel-bomb-30000x30000.png", "image/png", HttpStatusCode.UnprocessableEntity, "30000x30000")]
    [InlineData("images/grey-8bit.png", "text/plain", HttpStatusCode.UnsupportedMediaType, "text/plain")]
    [InlineData("images/grey-8bit.png", "application/json", HttpStatusCode.UnsupportedMediaType, "application/json")]
    [InlineData("videos/text.mp4", "image/jpeg", HttpStatusCode.UnprocessableEntity, "signature")]
    public async Task A_corpus_input_gets_a_problem_and_the_server_stays_up(string corpusFile, string contentType, HttpStatusCode status, string detail)
    {
        using var content = new ByteArrayContent(File.ReadAllBytes(Repository.Path("tests/Corpus/" + corpusFile)));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);

        await ProblemAssert.IsProblem(response, status, detail);
        await AssertStillServes();
    }

    [Theory]
    [InlineData("images/one-by-one.png")]
    [InlineData("images/grey-16bit.png")]
    [InlineData("images/rgba.png")]
    public async Task A_tiny_or_unusual_image_is_analyzed_without_a_face(string corpusFile)
    {
        using var content = new ByteArrayContent(File.ReadAllBytes(Repository.Path("tests/Corpus/" + corpusFile)));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.Content.ReadFromJsonAsync<AnalyzeResponse>())!.Faces);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_by_its_length_and_when_it_has_none()
    {
        var size = EmotionNetLimits.Default.MaxImageBytes + 1;

        foreach (var chunked in new[] { false, true })
        {
            var (status, body) = await RawHttp.PostAsync(server.Host.Address, "/v1/analyze", "image/png", size, chunked);

            Assert.Equal(413, status);
            Assert.Contains("\"status\":413", body, StringComparison.Ordinal);
            Assert.Contains("20,000,000", body, StringComparison.Ordinal);
        }
        await AssertStillServes();
    }

    [Fact]
    public async Task A_malformed_or_empty_multipart_form_is_a_bad_request()
    {
        using var malformed = new ByteArrayContent("--x\r\nnot a part header\r\n"u8.ToArray());
        malformed.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        using var noFile = new MultipartFormDataContent { { new StringContent("hello"), "text" } };

        using var first = await server.Host.Client.PostAsync("/v1/analyze", malformed);
        using var second = await server.Host.Client.PostAsync("/v1/analyze", noFile);

        await ProblemAssert.IsProblem(first, HttpStatusCode.BadRequest);
        await ProblemAssert.IsProblem(second, HttpStatusCode.BadRequest, "no file");
        await AssertStillServes();
    }

    [Fact]
    public async Task An_unknown_or_malformed_job_id_or_file_name_is_not_found_and_reaches_no_file()
    {
        foreach (var path in new[] { "/v1/videos/0123456789abcdef0123456789abcdef", "/v1/videos/..%2F..%2Fetc", "/v1/videos/abc/files/..%2Fjob.json", "/v1/videos/0123456789abcdef0123456789abcdef/files/frames.csv" })
        {
            using var response = await server.Host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private async Task AssertStillServes()
    {
        using var health = await server.Host.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var content = new ByteArrayContent(TestImages.TwoFaces());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var response = await server.Host.Client.PostAsync("/v1/analyze", content);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<AnalyzeResponse>())!.Faces.Count);
    }
}
