using Microsoft.AspNetCore.Http;

namespace EmotionNet.AspNetCore.Hosting;

/// <summary>
/// The page at <c>/</c>: three files embedded in this assembly, served by a fixed name-to-resource table
/// (a request's path never reaches a file system), with a Content-Security-Policy that lets the page load
/// nothing from elsewhere.
/// </summary>
internal static class WebPage
{
    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    private const string Policy = "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; connect-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

    public static IResult Serve(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var type)) return Results.NotFound();
        var stream = typeof(WebPage).Assembly.GetManifestResourceStream("EmotionNet.AspNetCore.wwwroot." + name);
        if (stream is null) return Results.NotFound();
        context.Response.Headers.ContentSecurityPolicy = Policy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(stream, type);
    }
}
