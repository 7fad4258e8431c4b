using EmotionNet.Core;
using System.Collections.Concurrent;
using System.Threading.Channels;
using EmotionNet.AspNetCore.Inference;
using EmotionNet.AspNetCore.Telemetry;
using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmotionNet.AspNetCore.Jobs;

/// <summary>
/// Runs video jobs in the background with <see cref="AnalysisRunner"/>, which writes the files
/// <c>emotionnet analyze</c> writes. At start-up it takes up the jobs on disk: queued ones are queued
/// again, and one a stop interrupted is started again from its first frame once (its partial results
/// discarded); interrupted a second time, it is marked failed rather than retried for ever.
/// </summary>
internal sealed class VideoJobService(EmotionNetEngine engine, JobStore store, EmotionNetMetrics metrics, ILogger<VideoJobService> logger) : BackgroundService
{
    /// <summary>Runs of one job a stop may interrupt before it is marked failed.</summary>
    public const int MaxAttempts = 2;

    private readonly Channel<string> queue = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, AnalysisProgress> progress = new();
    private int active;

    /// <summary>Jobs queued or running.</summary>
    public int Active => Volatile.Read(ref active);

    /// <summary>Claims a place for a new job, or false when <see cref="EmotionNetLimits.MaxQueuedVideos"/> are queued or running.</summary>
    public bool TryReserve()
    {
        if (Interlocked.Increment(ref active) <= engine.Options.Limits.MaxQueuedVideos) return true;
        Interlocked.Decrement(ref active);
        return false;
    }

    /// <summary>Gives back a place claimed for an upload that was refused.</summary>
    public void Release() => Interlocked.Decrement(ref active);

    /// <summary>Queues a saved job whose place was reserved.</summary>
    public void Enqueue(VideoJob job) => queue.Writer.TryWrite(job.Id);

    /// <summary>The job with its live progress while it runs.</summary>
    public VideoJob? Get(string id)
    {
        var job = store.Load(id);
        if (job is { State: VideoJobState.Running } && progress.TryGetValue(id, out var p))
            job = job with { FramesDone = p.FramesDone, FramesTotal = p.FramesTotal ?? job.FramesTotal };
        return job;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in store.All().OrderBy(j => j.Created))
        {
            if (job.State is VideoJobState.Succeeded or VideoJobState.Failed) continue;
            store.DiscardPartial(job.Id);
            if (job.State == VideoJobState.Running && job.Attempts >= MaxAttempts)
            {
                store.Save(job with { State = VideoJobState.Failed, Error = $"The server stopped during each of {job.Attempts} runs of this job; it is not tried again." });
                continue;
            }
            store.Save(job with { State = VideoJobState.Queued, FramesDone = 0 });
            Interlocked.Increment(ref active);
            Enqueue(job);
            logger.LogInformation("Video job {Id} taken up again after a restart ({State}).", job.Id, job.State);
        }
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, engine.Options.VideoWorkers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await RunAsync(id, stoppingToken);
                }
                finally
                {
                    progress.TryRemove(id, out _);
                    Interlocked.Decrement(ref active);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: jobs still queued stay queued on disk and run after the next start.
        }
    }

    private async Task RunAsync(string id, CancellationToken stoppingToken)
    {
        if (store.Load(id) is not { State: VideoJobState.Queued } job) return;
        job = job with { State = VideoJobState.Running, Attempts = job.Attempts + 1, FramesDone = 0 };
        store.Save(job);
        store.DiscardPartial(id);
        try
        {
            var classifier = await engine.ClassifierAsync().WaitAsync(stoppingToken);
            var options = engine.Options.Analyzer with { MaxImagePixels = engine.Options.Limits.MaxVideoPixels };
            var output = new OutputOptions { Directory = store.PartialPath(id), Plots = engine.Options.Plots };
            var report = await AnalysisRunner.RunAsync(classifier, InputSource.FromPath(store.InputPath(job)), options, output,
                new Progress(p => progress[id] = p), stoppingToken);
            if (report.Cancelled)
            {
                // A graceful stop: the run did not fail, so it does not count as an attempt.
                store.DiscardPartial(id);
                store.Save(job with { State = VideoJobState.Queued, Attempts = job.Attempts - 1, FramesDone = 0 });
                return;
            }
            var files = store.Publish(id);
            store.Save(job with { State = VideoJobState.Succeeded, FramesDone = report.Summary.FramesProcessed, FramesTotal = report.Summary.FramesProcessed, Files = files });
            metrics.VideoFinished("succeeded");
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            store.DiscardPartial(id);
            store.Save(job with { State = VideoJobState.Queued, Attempts = job.Attempts - 1, FramesDone = 0 });
        }
        catch (EmotionNetException e)
        {
            Fail(job, e.Message);
        }
#pragma warning disable CA1031 // A job that breaks the analysis fails alone; the server and the other jobs go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Video job {Id} failed unexpectedly.", id);
            Fail(job, $"unexpected {e.GetType().Name}: {e.Message}");
        }
    }

    private void Fail(VideoJob job, string error)
    {
        store.DiscardPartial(job.Id);
        store.Save(job with { State = VideoJobState.Failed, Error = error });
        metrics.VideoFinished("failed");
    }

    /// <summary>Reports on the analyzing thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
    private sealed class Progress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
