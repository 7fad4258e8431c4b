using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EmotionNet.AspNetCore.Inference;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>What a server says of itself: OpenAPI document, metrics, health, and the page's own files.</summary>
public sealed class ServiceDocumentTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_openapi_document_lists_every_v1_endpoint()
    {
        using var document = JsonDocument.Parse(await server.Host.Client.GetStringAsync("/openapi/emotionnet.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["/v1/analyze", "/v1/stream", "/v1/videos", "/v1/videos/{id}", "/v1/videos/{id}/files/{name}"], paths.Order(StringComparer.Ordinal));
        // The uploads say what to send: the raw file under each accepted type, or a multipart form's file.
        var analyze = document.RootElement.GetProperty("paths").GetProperty("/v1/analyze").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal("binary", analyze.GetProperty("image/jpeg").GetProperty("schema").GetProperty("format").GetString());
        Assert.True(analyze.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties").TryGetProperty("file", out _));
        var videos = document.RootElement.GetProperty("paths").GetProperty("/v1/videos").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(videos.TryGetProperty("video/mp4", out _));
    }

    [Fact]
    public async Task An_app_with_its_own_openapi_document_serves_both_each_with_its_own_endpoints()
    {
        // The ASP.NET Core templates call AddOpenApi() and MapOpenApi(): /openapi/{documentName}.json must stay unambiguous.
        await using var host = await ServerHost.StartAsync(application: (
            s => s.AddOpenApi(),
            (app, _) =>
            {
                app.MapGet("/hello", () => "hi");
                app.MapOpenApi();
            }));

        using var own = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/v1.json"));
        using var ours = JsonDocument.Parse(await host.Client.GetStringAsync("/openapi/emotionnet.json"));

        Assert.Equal(["/hello"], Paths(own));
        Assert.Equal(5, Paths(ours).Length);
        Assert.All(Paths(ours), p => Assert.StartsWith("/v1/", p, StringComparison.Ordinal));
    }

    private static string[] Paths(JsonDocument document) => document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public async Task Metrics_count_faces_and_requests_and_show_the_queue_in_prometheus_form()
    {
        using var content = new ByteArrayContent(TestImages.TwoFaces());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        (await server.Host.Client.PostAsync("/v1/analyze", content)).Dispose();

        var metrics = await server.Host.Client.GetStringAsync("/metrics");

        Assert.Matches(@"(?m)^emotionnet_faces_total\{[^}]*source=""image""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"(?m)^emotionnet_analysis_duration_seconds_bucket\{", metrics);
        // Its value is not asserted: OpenTelemetry collects meters by name, so the other test servers in this process show up too.
        Assert.Matches(@"(?m)^emotionnet_queue_depth(_\w+)?\{[^}]*\} \d+", metrics);
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_bucket\{[^}]*http_route=""/v1/analyze""", metrics);
    }

    [Fact]
    public async Task The_page_and_its_files_are_served_with_a_policy_that_loads_nothing_from_elsewhere()
    {
        foreach (var (path, type) in new[] { ("/", "text/html"), ("/app.js", "text/javascript"), ("/app.css", "text/css") })
        {
            using var response = await server.Host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
        }
        using var other = await server.Host.Client.GetAsync("/app.json");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Ready_once_the_model_is_loaded()
    {
        await server.Host.Services.GetRequiredService<EmotionNetEngine>().ModelReady;

        Assert.Equal("Healthy", await server.Host.Client.GetStringAsync("/readyz"));
        Assert.Equal("Healthy", await server.Host.Client.GetStringAsync("/healthz"));
    }
}
