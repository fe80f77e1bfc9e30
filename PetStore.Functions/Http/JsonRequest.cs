using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace PetStore.Functions.Http;

/// <summary>Checks a JSON object body field by field.</summary>
/// <returns>The errors per field; empty exactly when <paramref name="value"/> is set.</returns>
internal delegate Dictionary<string, string[]> JsonValidator<T>(JsonElement body, out T? value)
    where T : class;

/// <summary>A request read and validated: the value, or the problem to answer with instead.</summary>
internal sealed class ReadRequest<T>
    where T : class
{
    private readonly T? _value;
    private readonly ProblemHttpResult? _problem;

    private ReadRequest(T? value, ProblemHttpResult? problem)
    {
        _value = value;
        _problem = problem;
    }

    public static ReadRequest<T> Valid(T value) => new(value, null);

    public static ReadRequest<T> Invalid(ProblemHttpResult problem) => new(null, problem);

    public bool TryGetValue([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        value = _value;
        problem = _problem;
        return _value is not null;
    }
}

/// <summary>
/// Reads a request body that must be one UTF-8 JSON object of at most <see cref="MaxBodyBytes"/>, then validates it:
/// a content type that is not JSON is a 415, a larger body a 413, anything that is not a JSON object a 400 naming
/// <c>body</c>, and a JSON object the validator rejects a 400 naming each field at fault.
/// </summary>
internal static class JsonRequest
{
    /// <summary>The largest body read, in bytes (64 KiB): a pet is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    public static async Task<ReadRequest<T>> ReadAsync<T>(HttpRequest request, JsonValidator<T> validate, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(validate);
        if (request.ContentLength is 0)
        {
            return NotAnObject<T>("A JSON object is required as the request body.");
        }

        if (!request.HasJsonContentType() || !IsUtf8(request.ContentType))
        {
            return ReadRequest<T>.Invalid(Problems.UnsupportedMediaType(request.ContentType));
        }

        // The one length guard, for a declared length and for a chunked body alike.
        if (request.ContentLength > MaxBodyBytes)
        {
            return ReadRequest<T>.Invalid(Problems.TooLarge(MaxBodyBytes));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = await request.Body.ReadAtLeastAsync(buffer.AsMemory(0, MaxBodyBytes + 1), MaxBodyBytes + 1, throwOnEndOfStream: false, cancellationToken);
            if (length > MaxBodyBytes)
            {
                return ReadRequest<T>.Invalid(Problems.TooLarge(MaxBodyBytes));
            }

            if (length == 0)
            {
                return NotAnObject<T>("A JSON object is required as the request body.");
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, length), DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject<T>($"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
            }

            var errors = validate(document.RootElement, out var value);
            return value is not null ? ReadRequest<T>.Valid(value) : ReadRequest<T>.Invalid(Problems.Validation(errors));
        }
        catch (JsonException ex)
        {
            // The parser's message names the line and position, and never echoes the body back.
            return NotAnObject<T>($"The body is not valid JSON: {ex.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadRequest<T> NotAnObject<T>(string message)
        where T : class => ReadRequest<T>.Invalid(Problems.Field("body", message));

    private static bool IsUtf8(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
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
