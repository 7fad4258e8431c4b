using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmotionNet.AspNetCore.Api;

/// <summary><c>POST /v1/analyze</c>: one image in (the body, or a multipart form's file), its faces and emotions out.</summary>
internal static class AnalyzeEndpoint
{
    public static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/bmp", "image/webp", "image/x-ms-bmp", "application/octet-stream"];

    public const string Accepted = "a JPEG, PNG, BMP or WebP image (image/jpeg, image/png, image/bmp, image/webp or application/octet-stream), as the body or as a multipart/form-data file";

    public static bool IsImageType(string? contentType) =>
        contentType is not null && ImageTypes.Any(t => contentType.Split(';')[0].Trim().Equals(t, StringComparison.OrdinalIgnoreCase));

    public static async Task<Results<Ok<AnalyzeResponse>, ProblemHttpResult>> HandleAsync(HttpRequest request, EmotionNetEngine engine, EmotionNetMetrics metrics, CancellationToken cancellationToken)
    {
        var limits = engine.Options.Limits;
        var upload = await RequestBody.OpenAsync(request, limits.MaxImageBytes, IsImageType, Accepted, cancellationToken);
        if (upload.Problem is { } refused) return refused;
        using var body = new MemoryStream();
        await using (upload.Content!)
        {
            if (!await RequestBody.CopyAsync(upload.Content!, body, limits.MaxImageBytes, cancellationToken)) return Problems.TooLarge(limits.MaxImageBytes);
        }
        if (body.Length == 0) return Problems.BadRequest($"The body is empty; send {Accepted}.");
        if (await ModelGate.NotReadyAsync(engine, cancellationToken) is { } notReady) return notReady;

        using var slot = await engine.Gate.EnterAsync(cancellationToken);
        if (slot is null) return Problems.Busy($"{limits.MaxQueuedRequests} requests are already waiting for an analysis slot; retry shortly.");
        cancellationToken.ThrowIfCancellationRequested();
        // A fresh analyzer per image: its faces get ids 1, 2, ... and nothing is carried from another request.
        var frames = await engine.NewFrameAnalyzerAsync();
        var analyzed = engine.Analyze(frames, body.GetBuffer().AsMemory(0, (int)body.Length), limits.MaxImagePixels);
        if (analyzed.Frame is not { } frame) return Problems.Unprocessable(analyzed.Refused!);
        metrics.Analyzed("image", frame.Faces.Count, analyzed.Seconds);
        var classes = (await engine.ClassifierAsync()).Classes;
        return TypedResults.Ok(new AnalyzeResponse(frame.Width, frame.Height, ApiModels.Faces(frame.Faces, classes), Math.Round(analyzed.Seconds, 4)));
    }
}
