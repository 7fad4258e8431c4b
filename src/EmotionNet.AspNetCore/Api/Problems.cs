using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmotionNet.AspNetCore.Api;

/// <summary>The RFC 9457 problem details the endpoints answer with, one factory per kind of refusal.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => Make(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static ProblemHttpResult Unauthorized() => Make(StatusCodes.Status401Unauthorized, "API key required",
        "This server requires an API key: send it in the X-Api-Key header (the stream takes it as the 'key' query parameter).");

    public static ProblemHttpResult Forbidden(string detail) => Make(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult NotFound(string detail) => Make(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult TooLarge(long limit) => Make(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"The body is larger than this server's limit of {limit:N0} bytes.");

    public static ProblemHttpResult UnsupportedType(string? contentType, string accepted) => Make(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
        $"Content type '{contentType ?? "(none)"}' is not accepted here; send {accepted}.");

    public static ProblemHttpResult Unprocessable(string detail) => Make(StatusCodes.Status422UnprocessableEntity, "Input cannot be analyzed", detail);

    public static ProblemHttpResult Busy(string detail) => Make(StatusCodes.Status503ServiceUnavailable, "Server busy", detail);

    public static ProblemHttpResult NotReady(string detail) => Make(StatusCodes.Status503ServiceUnavailable, "Model not ready", detail);

    public static ProblemHttpResult Make(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>Writes a problem straight to <paramref name="context"/>'s response (for middleware callbacks, which have no result to return).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Make(status, title, detail).ExecuteAsync(context);
    }
}
