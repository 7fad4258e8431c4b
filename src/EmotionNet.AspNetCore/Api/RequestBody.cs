using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EmotionNet.AspNetCore.Api;

/// <summary>
/// Reads an upload, as the raw body or as the first file of a multipart form, never past a byte limit:
/// a declared Content-Length over it is refused before reading, and a body that turns out longer is
/// refused when it crosses the limit.
/// </summary>
internal static class RequestBody
{
    /// <summary>The part of an upload a handler needs: its content (or the problem that refused it) and its content type.</summary>
    public sealed record Upload(Stream? Content, string? ContentType, ProblemHttpResult? Problem);

    /// <summary>Opens the upload in <paramref name="request"/>: the body, or the first file of a multipart form.</summary>
    public static async Task<Upload> OpenAsync(HttpRequest request, long maxBytes, Func<string?, bool> accepts, string accepted, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return new Upload(null, null, Problems.TooLarge(maxBytes));
        if (request.HasFormContentType)
        {
            if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                return new Upload(null, null, Problems.UnsupportedType(request.ContentType, accepted));
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException e)
            {
                // The form reader's own limits (parts, headers, body length) or a malformed form.
                return new Upload(null, null, e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? Problems.TooLarge(maxBytes) : Problems.BadRequest($"The multipart form is malformed: {e.Message}"));
            }
            if (form.Files.Count == 0) return new Upload(null, null, Problems.BadRequest("The multipart form has no file part; put the upload in one (any field name)."));
            var file = form.Files[0];
            if (file.Length > maxBytes) return new Upload(null, null, Problems.TooLarge(maxBytes));
            return accepts(file.ContentType) || accepts(null) && string.IsNullOrEmpty(file.ContentType)
                ? new Upload(file.OpenReadStream(), file.ContentType, null)
                : new Upload(null, null, Problems.UnsupportedType(file.ContentType, accepted));
        }
        return accepts(request.ContentType) ? new Upload(request.Body, request.ContentType, null) : new Upload(null, null, Problems.UnsupportedType(request.ContentType, accepted));
    }

    /// <summary>Copies <paramref name="content"/> into <paramref name="destination"/>, false as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<bool> CopyAsync(Stream content, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        while (true)
        {
            int read;
            try
            {
                read = await content.ReadAsync(buffer, cancellationToken);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return false; // Kestrel's own limit, set from the endpoint's metadata
            }
            if (read == 0) return true;
            total += read;
            if (total > maxBytes) return false;
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
