using System.Diagnostics;
using System.Net.Http.Headers;

/// <summary>N clients posting one image to /v1/analyze back to back for a bounded time, each request's latency kept.</summary>
internal sealed record LoadResult(int Clients, int Requests, int Errors, double Seconds, double[] LatenciesMs, IReadOnlyList<(double Second, double RssMb)> Rss)
{
    public double ImagesPerSecond => (Requests - Errors) / Seconds;

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
        await sampler;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(clients, all.Length, errors, seconds, all, rss);
    }
}
