using System.Net.Http.Json;
using EmotionNet.AspNetCore.Jobs;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Follows a video job until it reaches a state (each poll yields; no fixed waits).</summary>
public static class JobPolling
{
    public static async Task<VideoJob> UntilAsync(HttpClient client, string id, Func<VideoJob, bool> done, TimeSpan? limit = null)
    {
        using var give = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(10));
        while (true)
        {
            var job = await client.GetFromJsonAsync<VideoJob>($"/v1/videos/{id}", give.Token);
            if (done(job!)) return job!;
            await Task.Delay(100, give.Token);
        }
    }
}
