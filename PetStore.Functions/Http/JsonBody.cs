using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace PetStore.Functions.Http;

/// <summary>
/// Reads a request body that must be one JSON object of at most <see cref="MaxBytes"/>: a wrong content type is a
/// 415, a larger body a 413, and anything that is not a JSON object a 400 naming the body as the field at fault.
/// </summary>
internal sealed class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    private JsonBody(JsonElement root, ProblemHttpResult? rejected, ValidationProblem? invalid)
    {
        Root = root;
        Rejected = rejected;
        Invalid = invalid;
    }

    /// <summary>The JSON object, when neither <see cref="Rejected"/> nor <see cref="Invalid"/> is set.</summary>
    public JsonElement Root { get; }

    /// <summary>A 413 or 415 problem: the request cannot be read at all.</summary>
    public ProblemHttpResult? Rejected { get; }

    /// <summary>A 400 problem: the body is not a JSON object.</summary>
    public ValidationProblem? Invalid { get; }

    public static async Task<JsonBody> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0)
        {
            return NotAnObject("A JSON object is required as the request body.");
        }

        if (!IsJson(request.ContentType))
        {
            return new JsonBody(default, Problems.UnsupportedMediaType(request.ContentType), null);
        }

        if (request.ContentLength > MaxBytes)
        {
            return new JsonBody(default, Problems.TooLarge(MaxBytes), null);
        }

        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length > MaxBytes)
        {
            return new JsonBody(default, Problems.TooLarge(MaxBytes), null);
        }

        if (length == 0)
        {
            return NotAnObject("A JSON object is required as the request body.");
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.AsMemory(0, length), DocumentOptions);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonBody(document.RootElement.Clone(), null, null)
                : NotAnObject($"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
        }
        catch (JsonException ex)
        {
            // The parser's message names the line and position, and never echoes the body back.
            return NotAnObject($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static JsonBody NotAnObject(string message) => new(default, null, Problems.Field("body", message));

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase))
        && (!mediaType.Charset.HasValue || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
