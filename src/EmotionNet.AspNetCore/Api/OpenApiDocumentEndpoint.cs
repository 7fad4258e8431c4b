using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EmotionNet.AspNetCore.Api;

/// <summary>
/// <c>GET /openapi/emotionnet.json</c>: EmotionNet's own OpenAPI document, at a literal path. An application's
/// <c>MapOpenApi()</c> serves its documents at <c>/openapi/{documentName}.json</c>; a second endpoint of that
/// pattern would make every such request ambiguous, while the literal path wins over it for this one name.
/// </summary>
internal static class OpenApiDocumentEndpoint
{
    public const string DocumentName = "emotionnet";

    public const string Path = "/openapi/emotionnet.json";

    public static async Task WriteAsync(HttpContext context, [FromKeyedServices(DocumentName)] IOpenApiDocumentProvider provider)
    {
        var document = await provider.GetOpenApiDocumentAsync(context.RequestAborted);
        // The writer writes synchronously, which Kestrel refuses on a response: into memory first (a few tens of kilobytes).
        using var json = new MemoryStream();
        await document.SerializeAsJsonAsync(json, OpenApiSpecVersion.OpenApi3_1, context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(json.GetBuffer().AsMemory(0, (int)json.Length), context.RequestAborted);
    }
}
