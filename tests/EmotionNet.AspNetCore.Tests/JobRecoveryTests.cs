using EmotionNet.AspNetCore.Jobs;
using EmotionNet.TestSupport;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Jobs found on disk at start-up: the states a crash can leave, taken up again or marked failed.</summary>
[Trait("Category", "Slow")]
public sealed class JobRecoveryTests
{
    [Fact]
    public async Task At_start_up_a_queued_job_runs_an_interrupted_one_reruns_once_and_a_twice_interrupted_one_fails()
    {
        using var jobs = new TempFolder();
        var store = new JobStore(jobs.Path);
        var queued = Seed(store, VideoJobState.Queued, attempts: 0, withPartial: false);
        var interrupted = Seed(store, VideoJobState.Running, attempts: 1, withPartial: true);
        var twice = Seed(store, VideoJobState.Running, attempts: VideoJobService.MaxAttempts, withPartial: true);
        // An upload cut short by a crash: a folder without job.json.
        Directory.CreateDirectory(Path.Combine(jobs.Path, JobId.New()));

        await using var host = await ServerHost.StartAsync(jobsDirectory: jobs.Path);
        var a = await JobPolling.UntilAsync(host.Client, queued, j => j.State is VideoJobState.Succeeded or VideoJobState.Failed);
        var b = await JobPolling.UntilAsync(host.Client, interrupted, j => j.State is VideoJobState.Succeeded or VideoJobState.Failed);
        var c = await JobPolling.UntilAsync(host.Client, twice, _ => true);

        Assert.Equal(VideoJobState.Succeeded, a.State);
        Assert.Equal(VideoJobState.Succeeded, b.State);
        Assert.Equal(2, b.Attempts);
        Assert.Equal(VideoJobState.Failed, c.State);
        Assert.Contains("stopped during each of 2 runs", c.Error, StringComparison.Ordinal);
        foreach (var id in new[] { queued, interrupted, twice }) Assert.False(Directory.Exists(store.PartialPath(id)), $"{id} kept results.partial");
        Assert.False(Directory.Exists(store.ResultsPath(twice)));
        Assert.Equal(3, Directory.GetDirectories(jobs.Path).Length);
    }

    private static string Seed(JobStore store, VideoJobState state, int attempts, bool withPartial)
    {
        var folder = store.NewFolder(out var id);
        TestVideos.Write(Path.Combine(folder, "input.mp4"), 10);
        if (withPartial)
        {
            Directory.CreateDirectory(store.PartialPath(id));
            File.WriteAllText(Path.Combine(store.PartialPath(id), "frames.csv"), "frame,half-writ");
        }
        store.Save(new VideoJob(id, state, DateTimeOffset.UtcNow, "input.mp4", attempts));
        return id;
    }
}
