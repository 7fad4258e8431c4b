using System.Globalization;
using System.Threading.RateLimiting;
using EmotionNet.AspNetCore.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace EmotionNet.AspNetCore.Hosting;

/// <summary>
/// A token bucket per client address (behind a reverse proxy, the application adds ASP.NET Core's
/// forwarded-headers middleware so that the address is the client's). A refusal is a 429 problem with Retry-After.
/// </summary>
internal sealed class ClientRateLimitPolicy(EmotionNetLimits limits) : IRateLimiterPolicy<string>
{
    public const string Name = "emotionnet-clients";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
        context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client may make {limits.RequestsPerSecond} requests per second (bursts of {limits.RateBurst}); retry after the Retry-After seconds.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.RateBurst,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
