using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmotionNet.AspNetCore.Api;

/// <summary>
/// The request body an upload endpoint documents in OpenAPI: the raw file under each accepted content type, or a
/// multipart form's file. Described by a transformer rather than Accepts metadata, which would make routing answer
/// a wrong content type with a bare 415 instead of the handler's problem.
/// </summary>
internal static class UploadBody
{
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Describe(string description, IEnumerable<string> contentTypes) =>
        (operation, _, _) =>
        {
            var content = contentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = Binary() });
            content["multipart/form-data"] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = Binary() },
                    Required = new HashSet<string> { "file" },
                },
            };
            operation.RequestBody = new OpenApiRequestBody { Required = true, Description = description, Content = content };
            return Task.CompletedTask;
        };

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };
}
