using EmotionNet.AspNetCore.Api;
using EmotionNet.AspNetCore.Hosting;
using EmotionNet.AspNetCore.Streaming;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace EmotionNet.AspNetCore;

/// <summary>Maps EmotionNet's endpoints: <c>app.MapEmotionNet()</c> after <c>builder.Services.AddEmotionNet(options)</c>.</summary>
public static class EmotionNetEndpointRouteBuilderExtensions
{
    /// <summary>The OpenAPI document's name: it is served at <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    internal const string CorsPolicy = "emotionnet";

    /// <summary>
    /// Adds the middleware the endpoints need (WebSockets, rate limiting, request timeouts, CORS when origins are allowed)
    /// and maps <c>POST /v1/analyze</c>, <c>POST /v1/videos</c>, <c>GET /v1/videos/{id}</c>,
    /// <c>GET /v1/videos/{id}/files/{name}</c>, the WebSocket <c>/v1/stream</c>, <c>/healthz</c>, <c>/readyz</c>,
    /// <c>/openapi/v1.json</c>, <c>/metrics</c> (Prometheus) and the page at <c>/</c>. The middleware acts on
    /// these endpoints only; the application's other endpoints are left as they are.
    /// </summary>
    public static WebApplication MapEmotionNet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<EmotionNetServerOptions>>().Value;
        var key = new ApiKeyFilter(options.ApiKey);
        var limits = options.Limits;

        app.UseWebSockets();
        if (options.AllowedOrigins.Count > 0) app.UseCors();
        app.UseRateLimiter();
        app.UseRequestTimeouts();

        var v1 = app.MapGroup("/v1").AddEndpointFilter(key).RequireRateLimiting(ClientRateLimitPolicy.Name).WithTags("EmotionNet");
        if (options.AllowedOrigins.Count > 0) v1.RequireCors(CorsPolicy);

        // No Accepts metadata: routing would answer a wrong content type with a bare 415; the handlers answer it with a problem.
        v1.MapPost("/analyze", AnalyzeEndpoint.HandleAsync)
            .WithName("Analyze")
            .WithSummary("Faces and emotions in one image")
            .WithDescription("The body is a JPEG, PNG, BMP or WebP image, or a multipart/form-data form whose first file is one. Answers each face's box, landmarks, label, probabilities and uncertain flag.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxImageBytes))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxImageBytes)
            .DisableAntiforgery()
            .WithRequestTimeout(EmotionNetServiceCollectionExtensions.TimeoutPolicy);

        v1.MapPost("/videos", VideoEndpoints.CreateAsync)
            .WithName("CreateVideoJob")
            .WithSummary("Upload a video to analyze in the background")
            .WithDescription("The body is a video, or a multipart/form-data form whose first file is one. Answers 202 with the job; follow its Location.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxVideoBytes))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxVideoBytes)
            .DisableAntiforgery()
            // An upload's length is bounded by its size limit and Kestrel's minimum data rate, not by the request timeout.
            .DisableRequestTimeout();

        v1.MapGet("/videos/{id}", VideoEndpoints.Get)
            .WithName("GetVideoJob")
            .WithSummary("A video job's state, progress and, once it succeeded, its files")
            .WithRequestTimeout(EmotionNetServiceCollectionExtensions.TimeoutPolicy);

        v1.MapGet("/videos/{id}/files/{name}", VideoEndpoints.File)
            .WithName("GetVideoJobFile")
            .WithSummary("One result file of a finished video job (frames.csv, summary.json, ...)")
            .WithRequestTimeout(EmotionNetServiceCollectionExtensions.TimeoutPolicy);

        v1.MapGet("/stream", StreamEndpoint.HandleAsync)
            .WithName("Stream")
            .WithSummary("WebSocket: send frames (binary messages, one image each), get each face's tracked id and followed emotion back")
            .DisableRequestTimeout();

        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        if (options.Metrics) app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter(key);
        if (options.WebPage)
        {
            app.MapGet("/", (HttpContext context) => WebPage.Serve(context, "index.html")).ExcludeFromDescription();
            app.MapGet("/app.js", (HttpContext context) => WebPage.Serve(context, "app.js")).ExcludeFromDescription();
            app.MapGet("/app.css", (HttpContext context) => WebPage.Serve(context, "app.css")).ExcludeFromDescription();
        }
        return app;
    }
}
