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

namespace EmotionNet.AspNetCore;

/// <summary>Maps EmotionNet's endpoints: <c>app.MapEmotionNet()</c> after <c>builder.Services.AddEmotionNet(options)</c>.</summary>
public static class EmotionNetEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The name of EmotionNet's OpenAPI document, served at <c>/openapi/emotionnet.json</c>. It describes EmotionNet's
    /// endpoints alone, and the application's own documents (<c>AddOpenApi()</c>) leave them out: the endpoints carry this group name.
    /// </summary>
    public const string DocumentName = OpenApiDocumentEndpoint.DocumentName;

    internal const string CorsPolicy = "emotionnet";

    /// <summary>
    /// Adds the middleware the endpoints need (WebSockets, rate limiting, request timeouts, CORS when origins are allowed)
    /// and maps <c>POST /v1/analyze</c>, <c>POST /v1/videos</c>, <c>GET /v1/videos/{id}</c>,
    /// <c>GET /v1/videos/{id}/files/{name}</c>, the WebSocket <c>/v1/stream</c>, <c>/healthz</c>, <c>/readyz</c>,
    /// <c>/openapi/emotionnet.json</c>, <c>/metrics</c> (Prometheus) and the page at <c>/</c>. The middleware acts on
    /// these endpoints only; the application's other endpoints are left as they are.
    /// </summary>
    /// <returns>The <c>/v1</c> group, for the application's own conventions on the API (e.g. <c>.RequireAuthorization("policy")</c>).</returns>
    public static RouteGroupBuilder MapEmotionNet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<EmotionNetServerOptions>>().Value;
        var key = new ApiKeyFilter(options.ApiKey);
        var limits = options.Limits;

        app.UseWebSockets();
        if (options.AllowedOrigins.Count > 0) app.UseCors();
        app.UseRateLimiter();
        app.UseRequestTimeouts();

        var v1 = app.MapGroup("/v1").AddEndpointFilter(key).RequireRateLimiting(ClientRateLimitPolicy.Name).WithTags("EmotionNet").WithGroupName(DocumentName);
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
            .AddOpenApiOperationTransformer(UploadBody.Describe("One JPEG, PNG, BMP or WebP image (its format is read from its first bytes).", AnalyzeEndpoint.ImageTypes))
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
            .AddOpenApiOperationTransformer(UploadBody.Describe("One video (MP4, AVI, MOV, WebM or Matroska).", VideoEndpoints.VideoTypes))
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
        app.MapGet(OpenApiDocumentEndpoint.Path, OpenApiDocumentEndpoint.WriteAsync).ExcludeFromDescription();
        if (options.Metrics) app.MapPrometheusScrapingEndpoint("/metrics").AddEndpointFilter(key);
        if (options.WebPage)
        {
            app.MapGet("/", (HttpContext context) => WebPage.Serve(context, "index.html")).ExcludeFromDescription();
            app.MapGet("/app.js", (HttpContext context) => WebPage.Serve(context, "app.js")).ExcludeFromDescription();
            app.MapGet("/app.css", (HttpContext context) => WebPage.Serve(context, "app.css")).ExcludeFromDescription();
        }
        return v1;
    }
}
