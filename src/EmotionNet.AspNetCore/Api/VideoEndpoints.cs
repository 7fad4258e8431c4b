using EmotionNet.Core;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Jobs;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

namespace EmotionNet.AspNetCore.Api;

/// <summary>
/// <c>POST /v1/videos</c> (an upload becomes a job), <c>GET /v1/videos/{id}</c> (its state and progress,
/// then its files) and <c>GET /v1/videos/{id}/files/{name}</c> (one result file). The upload's file
/// name is never used: the server names the copy from the content type it accepts.
/// </summary>
internal static class VideoEndpoints
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["video/mp4"] = ".mp4",
        ["video/x-msvideo"] = ".avi",
        ["video/avi"] = ".avi",
        ["video/quicktime"] = ".mov",
        ["video/webm"] = ".webm",
        ["video/x-matroska"] = ".mkv",
        ["application/octet-stream"] = ".mp4", // FFmpeg reads the container from the content, whatever the name says
    };

    /// <summary>The content types a video upload may have.</summary>
    public static IEnumerable<string> VideoTypes => Extensions.Keys;

    public const string Accepted = "a video (video/mp4, video/x-msvideo, video/quicktime, video/webm, video/x-matroska or application/octet-stream), as the body or as a multipart/form-data file";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static string? ExtensionFor(string? contentType) =>
        contentType is not null && Extensions.TryGetValue(contentType.Split(';')[0].Trim(), out var ext) ? ext : null;

    public static async Task<Results<Accepted<VideoJob>, ProblemHttpResult>> CreateAsync(HttpRequest request, EmotionNetEngine engine, JobStore store, VideoJobService jobs, CancellationToken cancellationToken)
    {
        var limits = engine.Options.Limits;
        var upload = await RequestBody.OpenAsync(request, limits.MaxVideoBytes, t => ExtensionFor(t) is not null, Accepted, cancellationToken);
        if (upload.Problem is { } refused) return refused;
        if (!jobs.TryReserve()) return Problems.Busy($"{limits.MaxQueuedVideos} video jobs are already queued or running; retry later.");
        var folder = store.NewFolder(out var id);
        var kept = false;
        try
        {
            var input = "input" + ExtensionFor(upload.ContentType);
            var path = Path.Combine(folder, input);
            await using (upload.Content!)
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                if (!await RequestBody.CopyAsync(upload.Content!, file, limits.MaxVideoBytes, cancellationToken)) return Problems.TooLarge(limits.MaxVideoBytes);
            }
            if (new FileInfo(path).Length == 0) return Problems.BadRequest("The upload is empty; send a video.");
            if (Describe(path, engine.Options) is { } problem) return problem;

            var job = new VideoJob(id, VideoJobState.Queued, DateTimeOffset.UtcNow, input);
            // job.json last: a crash before it leaves a folder without one, which the next start deletes.
            store.Save(job);
            jobs.Enqueue(job);
            kept = true;
            return TypedResults.Accepted($"{request.PathBase}/v1/videos/{id}", job);
        }
        finally
        {
            if (!kept)
            {
                store.Delete(id);
                jobs.Release();
            }
        }
    }

    /// <summary>Opens the upload as a video and checks its length and frame size; null when it will do.</summary>
    private static ProblemHttpResult? Describe(string path, EmotionNetServerOptions options)
    {
        SourceInfo info;
        try
        {
            info = EmotionAnalyzer.Describe(InputSource.FromPath(path), options.Analyzer with { MaxImagePixels = options.Limits.MaxVideoPixels });
        }
        catch (EmotionNetException e)
        {
            // The message names the server's copy; the client knows its upload as "the video".
            return Problems.Unprocessable(e.Message.Replace(path, "the video", StringComparison.Ordinal));
        }
        if ((long)info.Width * info.Height > options.Limits.MaxVideoPixels)
            return Problems.Unprocessable($"The video's frames are {info.Width}x{info.Height}, more than the limit of {options.Limits.MaxVideoPixels:N0} pixels.");
        if (info.FrameCount is not { } frames || !(info.Fps > 0))
            return Problems.Unprocessable("The video does not tell its length (frame count and rate), so it cannot be checked against the duration limit.");
        var seconds = frames / info.Fps;
        if (seconds > options.Limits.MaxVideoSeconds)
            return Problems.Unprocessable($"The video lasts {seconds:F0} s, more than the limit of {options.Limits.MaxVideoSeconds:F0} s.");
        return null;
    }

    public static Results<Ok<VideoJob>, ProblemHttpResult> Get(string id, VideoJobService jobs) =>
        jobs.Get(id) is { } job ? TypedResults.Ok(job) : Problems.NotFound($"No video job '{Shorten(id)}'.");

    public static Results<PhysicalFileHttpResult, ProblemHttpResult> File(string id, string name, VideoJobService jobs, JobStore store)
    {
        if (jobs.Get(id) is not { State: VideoJobState.Succeeded, Files: { } files }) return Problems.NotFound($"No finished video job '{Shorten(id)}'.");
        // Only a name the job itself listed is served, found in the list rather than joined to a path.
        var listed = files.FirstOrDefault(f => string.Equals(f, name, StringComparison.Ordinal));
        if (listed is null) return Problems.NotFound($"Job '{id}' has no file '{Shorten(name)}'; its files are {string.Join(", ", files)}.");
        var path = Path.Combine(store.ResultsPath(id), listed);
        var type = ContentTypes.TryGetContentType(listed, out var t) ? t : "application/octet-stream";
        return TypedResults.PhysicalFile(path, type, fileDownloadName: listed);
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
