using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using EmotionNet.AspNetCore.Jobs;
using EmotionNet.TestSupport;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>POST /v1/videos to a finished job whose files are those 'analyze' writes; bad uploads refused.</summary>
[Trait("Category", "Slow")]
public sealed class VideoJobTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_uploaded_video_becomes_a_job_that_shows_progress_then_its_files(bool multipart)
    {
        using var folder = new TempFolder();
        var video = TestVideos.Write(folder.File("walk.mp4"), 30);
        var file = new StreamContent(File.OpenRead(video));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        using HttpContent content = multipart ? new MultipartFormDataContent { { file, "video", "../walk.mp4" } } : file;

        using var response = await server.Host.Client.PostAsync("/v1/videos", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<VideoJob>())!;
        Assert.Matches("^[0-9a-f]{32}$", created.Id);
        Assert.Equal($"/v1/videos/{created.Id}", response.Headers.Location?.OriginalString);
        var job = await JobPolling.UntilAsync(server.Host.Client, created.Id, j => j.State is VideoJobState.Succeeded or VideoJobState.Failed);
        Assert.Equal(VideoJobState.Succeeded, job.State);
        Assert.Equal(30, job.FramesDone);
        Assert.Equal(["frames.csv", "frames.json", "segments.csv", "segments.json", "summary.json", "summary.txt"], job.Files);

        var csv = await server.Host.Client.GetStringAsync($"/v1/videos/{job.Id}/files/frames.csv");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(31, rows.Length); // header + one face in each of 30 frames
        Assert.StartsWith("frame,", rows[0], StringComparison.Ordinal);
        using var summary = await server.Host.Client.GetAsync($"/v1/videos/{job.Id}/files/summary.json");
        Assert.Equal("application/json", summary.Content.Headers.ContentType?.MediaType);
        // The upload is kept under a name the server chose; nothing of the client's name reaches the disk.
        Assert.Equal(["input.mp4", "job.json", "results"], Directory.EnumerateFileSystemEntries(Path.Combine(server.Host.JobsDirectory, job.Id)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("videos/zero-byte.mp4", "video/mp4", HttpStatusCode.BadRequest, "empty")]
    [InlineData("videos/text.mp4", "video/mp4", HttpStatusCode.UnprocessableEntity, "the video")]
    [InlineData("videos/garbage.avi", "video/x-msvideo", HttpStatusCode.UnprocessableEntity, "the video")]
    [InlineData("images/grey-8bit.png", "image/png", HttpStatusCode.UnsupportedMediaType, "image/png")]
    public async Task A_bad_upload_is_refused_and_leaves_no_job_behind(string corpusFile, string type, HttpStatusCode status, string detail)
    {
        var before = Directory.GetDirectories(server.Host.JobsDirectory).Length;
        using var content = new ByteArrayContent(File.ReadAllBytes(Repository.Path("tests/Corpus/" + corpusFile)));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);

        using var response = await server.Host.Client.PostAsync("/v1/videos", content);

        var problem = await ProblemAssert.IsProblem(response, status, detail);
        Assert.DoesNotContain(server.Host.JobsDirectory, problem.Detail ?? "", StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetDirectories(server.Host.JobsDirectory).Length);
    }

    [Fact]
    public async Task A_video_longer_than_the_limit_is_refused()
    {
        await using var host = await ServerHost.StartAsync(o => o with { Limits = o.Limits with { MaxVideoSeconds = 2 } });
        using var folder = new TempFolder();
        using var content = new ByteArrayContent(File.ReadAllBytes(TestVideos.Write(folder.File("long.mp4"), 30)));
        content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");

        using var response = await host.Client.PostAsync("/v1/videos", content);

        await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "lasts 3 s", "limit of 2 s");
    }
}
