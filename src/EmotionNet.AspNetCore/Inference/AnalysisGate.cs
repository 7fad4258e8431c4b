using System.Threading.RateLimiting;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>
/// Bounds the analyses running at once (<see cref="EmotionNetLimits.MaxConcurrentAnalyses"/>) with a
/// queue of <see cref="EmotionNetLimits.MaxQueuedRequests"/> behind them; a request that finds the queue
/// full is refused at once rather than queued without bound.
/// </summary>
internal sealed class AnalysisGate(EmotionNetLimits limits) : IDisposable
{
    private readonly ConcurrencyLimiter limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = limits.EffectiveConcurrentAnalyses,
        QueueLimit = limits.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Requests waiting for a slot now.</summary>
    public long QueueDepth => limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>A slot (dispose it when done), or null when the queue is full.</summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }

    public void Dispose() => limiter.Dispose();
}
