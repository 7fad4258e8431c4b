using System.Diagnostics;
using System.Net.Http.Headers;

/// <summary>N clients posting one image to /v1/analyze back to back for a bounded time, each request's latency kept.</summary>
/// <param name="Clients">Concurrent clients.</param>
/// <param name="Requests">Requests sent and completed, failed ones included.</param>
/// <param name="Errors">Requests that failed: a status outside 2xx, or no HTTP answer.</param>
/// <param name="Seconds">Wall-clock length of the run.</param>
/// <param name="LatenciesMs">Each request's latency, in milliseconds.</param>
/// <param name="Rss">The server's resident memory over the run (seconds from the start, MB).</param>
/// <param name="ServerCpuSeconds">Processor time the server used during the run.</param>
/// <param name="ClientCpuSeconds">Processor time this process (the clients) used during the run.</param>
internal sealed record LoadResult(int Clients, int Requests, int Errors, double Seconds, double[] LatenciesMs, IReadOnlyList<(double Second, double RssMb)> Rss,
    double ServerCpuSeconds, double ClientCpuSeconds)
{
    public double ImagesPerSecond => (Requests - Errors) / Seconds;

    /// <summary>Server and client processor milliseconds per image: the work a request costs, which the machine's load changes far less than the rate.</summary>
    public double CpuMsPerImage => (ServerCpuSeconds + ClientCpuSeconds) * 1000 / Math.Max(1, Requests - Errors);

    /// <summary>The server's share of <see cref="CpuMsPerImage"/>.</summary>
    public double ServerCpuMsPerImage => ServerCpuSeconds * 1000 / Math.Max(1, Requests - Errors);

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static async Task<LoadResult> RunAsync(ServerProcess server, byte[] image, int clients, TimeSpan duration)
    {
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new List<double>[clients];
        var errors = 0;
        var rss = new List<(double, double)>();
        var serverCpu = server.CpuSeconds();
        var clientCpu = InProcess.CpuSeconds();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                rss.Add((clock.Elapsed.TotalSeconds, server.RssMegabytes()));
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var tasks = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (!stop.IsCancellationRequested)
            {
                using var content = new ByteArrayContent(image);
                content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync("/v1/analyze", content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        serverCpu = server.CpuSeconds() - serverCpu;
        clientCpu = InProcess.CpuSeconds() - clientCpu;
        await sampler;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(clients, all.Length, errors, seconds, all, rss, serverCpu, clientCpu);
    }
}
