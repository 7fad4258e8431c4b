using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EmotionNet.AspNetCore.Jobs;
using EmotionNet.TestSupport;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>A SIGKILL of 'emotionnet serve' in the middle of a video job: nothing half-written, and the job finishes after a restart.</summary>
[Trait("Category", "Slow")]
public sealed class CrashRecoveryTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_job_killed_mid_run_leaves_no_results_and_runs_again_to_completion_after_a_restart()
    {
        using var jobs = new TempFolder();
        using var videos = new TempFolder();
        const int frames = 300;
        var video = TestVideos.Write(videos.File("long.mp4"), frames);

        string id;
        using (var first = await ServeProcess.StartAsync(jobs.Path))
        {
            using var content = new StreamContent(File.OpenRead(video));
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            using var response = await first.Client.PostAsync("/v1/videos", content);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = (await response.Content.ReadFromJsonAsync<VideoJob>())!.Id;
            var running = await JobPolling.UntilAsync(first.Client, id, j => j is { State: VideoJobState.Running, FramesDone: > 0 } || j.State == VideoJobState.Succeeded);
            Assert.Equal(VideoJobState.Running, running.State); // else the video was too short to be caught mid-run

            first.Kill();
        }

        var folder = Path.Combine(jobs.Path, id);
        var onDisk = JsonSerializer.Deserialize<VideoJob>(File.ReadAllText(Path.Combine(folder, "job.json")), Json)!;
        Assert.Equal(VideoJobState.Running, onDisk.State);
        Assert.False(Directory.Exists(Path.Combine(folder, "results")), "results/ exists after a kill mid-run");
        // Whatever the killed run wrote is inside results.partial/, which the restart discards.
        Assert.Equal(["input.mp4", "job.json"], Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using var second = await ServeProcess.StartAsync(jobs.Path);
        var done = await JobPolling.UntilAsync(second.Client, id, j => j.State is VideoJobState.Succeeded or VideoJobState.Failed);

        Assert.Equal(VideoJobState.Succeeded, done.State);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(frames, done.FramesDone);
        Assert.Contains("timeline.png", done.Files!);
        var csv = await second.Client.GetStringAsync($"/v1/videos/{id}/files/frames.csv");
        Assert.Equal(frames + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.False(Directory.Exists(Path.Combine(folder, "results.partial")));
    }
}
