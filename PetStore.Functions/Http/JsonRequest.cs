using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
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

        if (!request.HasJsonContentType())
        {
            return ReadRequest<T>.Invalid(Problems.UnsupportedMediaType(request.ContentType));
        }

        if (!IsUtf8(request.ContentType))
        {
            return ReadRequest<T>.Invalid(Problems.NotUtf8());
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

            // A UTF-8 byte order mark is not JSON, but ASP.NET Core's own JSON input skips it, so we do too.
            var json = buffer.AsMemory(0, length);
            if (json.Span.StartsWith(Utf8ByteOrderMark))
            {
                json = json[Utf8ByteOrderMark.Length..];
            }

            using var document = Parse(json);
            if (document is null)
            {
                // The duplicate-property check decodes every property name while parsing.
                return NotAnObject<T>("A property name is not valid UTF-8 text (or holds an unpaired surrogate escape).");
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return NotAnObject<T>($"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
            }

            // The parser checks UTF-8 only outside strings; text inside them is decoded when it is read. Find what
            // cannot be decoded first, so that the validator only ever reads text that can. Valid UTF-8 without a
            // \u escape (which could name a lone surrogate) always decodes: one vectorised scan spares that walk.
            if (!CertainlyDecodable(json.Span) && UndecodableText(document.RootElement) is { Count: > 0 } textErrors)
            {
                return ReadRequest<T>.Invalid(Problems.Validation(textErrors));
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

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <returns>The document, or null when a property name cannot be decoded.</returns>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    private static JsonDocument? Parse(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ReadRequest<T> NotAnObject<T>(string message)
        where T : class => ReadRequest<T>.Invalid(Problems.Field("body", message));

    /// <summary>
    /// Whether the media type's charset, if any, names UTF-8. Parameter names are case-insensitive and a value may
    /// be a token or a quoted string (RFC 9110 §5.6.6, §8.3.1); the name is resolved as .NET resolves encoding
    /// names, so aliases of UTF-8 count and anything else (UTF-16, Latin-1, unknown names) does not.
    /// </summary>
    private static bool IsUtf8(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || !mediaType.Charset.HasValue)
        {
            return true;
        }

        var charset = HeaderUtilities.UnescapeAsQuotedString(mediaType.Charset).ToString();
        try
        {
            return Encoding.GetEncoding(charset).CodePage == Encoding.UTF8.CodePage;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool CertainlyDecodable(ReadOnlySpan<byte> json) =>
        System.Text.Unicode.Utf8.IsValid(json) && json.IndexOf("\\u"u8) < 0;

    /// <summary>
    /// The fields whose text cannot be decoded to a string: invalid UTF-8 (stray bytes, overlong or truncated
    /// sequences, encoded surrogates) or escapes of a lone surrogate. A value is reported under its top-level
    /// property; a property name that cannot be decoded cannot be named, so the body is reported instead.
    /// </summary>
    private static Dictionary<string, string[]> UndecodableText(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!TryDecodeName(property, out var name))
            {
                errors["body"] = ["A property name is not valid UTF-8 text (or holds an unpaired surrogate escape)."];
            }
            else if (!IsDecodable(property.Value))
            {
                errors[name] = ["This field's text is not valid UTF-8 (or holds an unpaired surrogate escape)."];
            }
        }

        return errors;
    }

    private static bool TryDecodeName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = "";
            return false;
        }
    }

    private static bool IsDecodable(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Object:
                    return element.EnumerateObject().All(p => TryDecodeName(p, out _) && IsDecodable(p.Value));
                case JsonValueKind.Array:
                    return element.EnumerateArray().All(IsDecodable);
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
