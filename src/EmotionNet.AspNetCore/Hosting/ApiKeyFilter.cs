using System.Security.Cryptography;
using System.Text;
using EmotionNet.AspNetCore.Api;
using Microsoft.AspNetCore.Http;

namespace EmotionNet.AspNetCore.Hosting;

/// <summary>
/// Requires <see cref="EmotionNetServerOptions.ApiKey"/> in the X-Api-Key header (or the <c>key</c> query
/// parameter, which a browser's WebSocket needs), compared in constant time. Without a key set it lets everything through.
/// </summary>
internal sealed class ApiKeyFilter(string? apiKey) : IEndpointFilter
{
    public const string Header = "X-Api-Key";
    public const string Query = "key";

    private readonly byte[]? expected = apiKey is null ? null : Encoding.UTF8.GetBytes(apiKey);

    public bool Allows(HttpRequest request)
    {
        if (expected is null) return true;
        var given = request.Headers[Header].ToString();
        if (given.Length == 0) given = request.Query[Query].ToString();
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(given));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Allows(context.HttpContext.Request) ? await next(context) : Problems.Unauthorized();
}
