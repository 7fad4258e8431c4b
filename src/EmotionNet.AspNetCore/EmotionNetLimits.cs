using EmotionNet.Core.Options;

namespace EmotionNet.AspNetCore;

/// <summary>What one client may ask of the server. Every limit has a documented default; a request over one gets a 4xx problem.</summary>
public sealed record EmotionNetLimits
{
    /// <summary>The defaults.</summary>
    public static EmotionNetLimits Default { get; } = new();

    /// <summary>Largest image upload to <c>/v1/analyze</c>, in bytes (default 20 MB); larger bodies get 413.</summary>
    public long MaxImageBytes { get; init; } = 20_000_000;

    /// <summary>Largest image, in pixels, read from its header before decoding (default 40,000,000: a 40-megapixel photo); larger ones, decompression bombs included, get 422.</summary>
    public long MaxImagePixels { get; init; } = 40_000_000;

    /// <summary>Largest video upload to <c>/v1/videos</c>, in bytes (default 500 MB); larger bodies get 413.</summary>
    public long MaxVideoBytes { get; init; } = 500_000_000;

    /// <summary>Longest video accepted, in seconds (default 600); longer ones get 422.</summary>
    public double MaxVideoSeconds { get; init; } = 600;

    /// <summary>Largest video frame, in pixels (default 8,300,000: 4K UHD); larger ones get 422.</summary>
    public long MaxVideoPixels { get; init; } = 8_300_000;

    /// <summary>Video jobs waiting or running at once (default 16); more get 503.</summary>
    public int MaxQueuedVideos { get; init; } = 16;

    /// <summary>Largest frame message on <c>/v1/stream</c>, in bytes (default 2 MB); a larger one closes the socket with 1009 (message too big).</summary>
    public int MaxStreamFrameBytes { get; init; } = 2_000_000;

    /// <summary>Largest stream frame, in pixels (default 2,100,000: 1080p).</summary>
    public long MaxStreamPixels { get; init; } = 2_100_000;

    /// <summary>Stream connections open at once (default 16); more are refused with 503.</summary>
    public int MaxStreams { get; init; } = 16;

    /// <summary>
    /// Analyses (an image, or a stream frame) running at once (default 0: the processor count). Requests beyond it
    /// wait in a queue of <see cref="MaxQueuedRequests"/>; beyond that they get 503 with Retry-After.
    /// </summary>
    public int MaxConcurrentAnalyses { get; init; }

    /// <summary>Requests waiting for an analysis slot (default 64).</summary>
    public int MaxQueuedRequests { get; init; } = 64;

    /// <summary>Requests one client (its IP address) may make per second on average (default 50), in bursts of up to <see cref="RateBurst"/>; more get 429.</summary>
    public int RequestsPerSecond { get; init; } = 50;

    /// <summary>The burst allowed above <see cref="RequestsPerSecond"/> (default 100).</summary>
    public int RateBurst { get; init; } = 100;

    /// <summary>Longest an HTTP request may take, queueing included (default 30 s); a request over it gets 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest the server waits for a stream client to take a result (default 10 s); a client that stops reading is disconnected.</summary>
    public TimeSpan StreamSendTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><see cref="MaxConcurrentAnalyses"/> with 0 resolved to the processor count.</summary>
    public int EffectiveConcurrentAnalyses => MaxConcurrentAnalyses > 0 ? MaxConcurrentAnalyses : Environment.ProcessorCount;

    /// <summary>Throws an <see cref="OptionsException"/> naming the first out-of-range field.</summary>
    public EmotionNetLimits Validate()
    {
        var check = new OptionCheck(nameof(EmotionNetLimits));
        check.Require(MaxImageBytes, MaxImageBytes >= 1024, "must be at least 1024");
        check.Require(MaxImagePixels, MaxImagePixels >= 1, "must be at least 1");
        check.Require(MaxVideoBytes, MaxVideoBytes >= 1024, "must be at least 1024");
        check.Require(MaxVideoSeconds, MaxVideoSeconds > 0, "must be positive");
        check.Require(MaxVideoPixels, MaxVideoPixels >= 1, "must be at least 1");
        check.Require(MaxQueuedVideos, MaxQueuedVideos >= 1, "must be at least 1");
        check.Require(MaxStreamFrameBytes, MaxStreamFrameBytes >= 1024, "must be at least 1024");
        check.Require(MaxStreamPixels, MaxStreamPixels >= 1, "must be at least 1");
        check.Require(MaxStreams, MaxStreams >= 1, "must be at least 1");
        check.Require(MaxConcurrentAnalyses, MaxConcurrentAnalyses >= 0, "must be 0 (the processor count) or more");
        check.Require(MaxQueuedRequests, MaxQueuedRequests >= 0, "must be 0 or more");
        check.Require(RequestsPerSecond, RequestsPerSecond >= 1, "must be at least 1");
        check.Require(RateBurst, RateBurst >= 1, "must be at least 1");
        check.Require(RequestTimeout, RequestTimeout > TimeSpan.Zero, "must be positive");
        check.Require(StreamSendTimeout, StreamSendTimeout > TimeSpan.Zero, "must be positive");
        return this;
    }
}
