namespace EmotionNet.Training.Data;

/// <summary>
/// Worker threads build batches ahead, at most a window of them, and hand them over in batch order.
/// Workers claim batch numbers in order, so the earliest unbuilt batch is always being built.
/// </summary>
internal sealed class PrefetchPipeline : IDisposable
{
    private readonly Func<BatchBuilder> newBuilder;
    private readonly Func<int, ReadOnlyMemory<int>> batchClips;
    private readonly TaskCompletionSource<BatchData>?[] results;
    private readonly SemaphoreSlim window;
    private readonly CancellationTokenSource stop = new();
    private readonly Thread[] threads;
    private int next = -1;

    public PrefetchPipeline(int batchCount, int workers, int windowSize, Func<BatchBuilder> newBuilder, Func<int, ReadOnlyMemory<int>> batchClips)
    {
        this.newBuilder = newBuilder;
        this.batchClips = batchClips;
        results = new TaskCompletionSource<BatchData>?[batchCount];
        for (var k = 0; k < batchCount; k++) results[k] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        window = new SemaphoreSlim(windowSize);
        threads = new Thread[Math.Min(workers, Math.Max(batchCount, 1))];
        for (var w = 0; w < threads.Length; w++)
        {
            threads[w] = new Thread(Work) { IsBackground = true, Name = $"EmotionNet batch worker {w}" };
            threads[w].Start();
        }
    }

    private void Work()
    {
        var builder = newBuilder();
        try
        {
            while (true)
            {
                window.Wait(stop.Token);
                var k = Interlocked.Increment(ref next);
                if (k >= results.Length) return;
                var result = results[k]!;
                try
                {
                    result.SetResult(builder.Build(batchClips(k).Span));
                }
#pragma warning disable CA1031 // handed to the consumer, which rethrows it
                catch (Exception e)
#pragma warning restore CA1031
                {
                    result.SetException(e);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits for batch <paramref name="k"/> (taken in order 0, 1, ...) and frees its slot.</summary>
    public BatchData Take(int k, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var data = results[k]!.Task.WaitAsync(cancellationToken).GetAwaiter().GetResult();
        results[k] = null;
        window.Release();
        return data;
    }

    public void Dispose()
    {
        stop.Cancel();
        foreach (var thread in threads) thread.Join();
        window.Dispose();
        stop.Dispose();
    }
}
