using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PetStore.Tests.OpenApi;

/// <summary>A response as a client receives it: status, headers and body bytes.</summary>
internal sealed record ApiResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? ContentType => Headers.TryGetValue(HeaderNames.ContentType, out var value) ? value : null;

    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public static ApiResponse From(HttpResponse response, byte[] body) => new(
        response.StatusCode,
        response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        body);

    public ApiResponse WithBody(JsonNode body) => this with { Body = JsonSerializer.SerializeToUtf8Bytes(body) };

    public ApiResponse WithHeader(string name, string? value)
    {
        var headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase);
        if (value is null)
        {
            headers.Remove(name);
        }
        else
        {
            headers[name] = value;
        }

        return this with { Headers = headers };
    }
}

/// <summary>
/// The OpenAPI document the app serves, as a contract a response either keeps or breaks: its status must be declared
/// for the operation, its content type and body must match the declared media type and schema (checked with
/// JsonSchema.Net, formats included), every declared required header must be there and valid, and every header the
/// app set must be declared.
/// </summary>
internal sealed class ApiContract
{
    // Where the document is registered for $ref resolution; never fetched.
    private static readonly Uri DocumentUri = new("https://petstore.invalid/api/openapi.json");

    // Headers HTTP itself describes; OpenAPI says a response's Content-Type is its media type, not a header to list.
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase) { HeaderNames.ContentType, HeaderNames.ContentLength };

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonElement _root;
    private readonly BuildOptions _build;

    public ApiContract(string json)
    {
        _root = JsonDocument.Parse(json).RootElement.Clone();
        // The OpenAPI 3.1 dialect adds keywords to JSON Schema 2020-12 (x- extensions among them), so unknown
        // keywords are annotations here, not errors.
        _build = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true) };
        _build.SchemaRegistry.Register(new JsonElementBaseDocument(_root, DocumentUri));
    }

    public JsonElement Root => _root;

    /// <summary>The operation at <paramref name="path"/> (as in the document, e.g. <c>/pets/{id}</c>) and method.</summary>
    public JsonElement Operation(string path, string method) =>
        _root.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());

    /// <summary>Every way <paramref name="response"/> breaks the document; empty when it keeps it.</summary>
    public IReadOnlyList<string> Violations(string path, string method, ApiResponse response)
    {
        var violations = new List<string>();
        var responses = Operation(path, method).GetProperty("responses");
        var status = response.Status.ToString(CultureInfo.InvariantCulture);
        if (!responses.TryGetProperty(status, out var declared) && !responses.TryGetProperty("default", out declared))
        {
            return [$"{method.ToUpperInvariant()} {path} does not declare status {status}."];
        }

        var (responsePointer, responseObject) = Resolve(declared, $"/paths/{Escape(path)}/{method.ToLowerInvariant()}/responses/{status}");
        CheckHeaders(responseObject, responsePointer, response, violations);
        CheckContent(responseObject, responsePointer, response, violations);
        return violations;
    }

    private void CheckContent(JsonElement responseObject, string pointer, ApiResponse response, List<string> violations)
    {
        if (!responseObject.TryGetProperty("content", out var content))
        {
            if (response.Body.Length > 0)
            {
                violations.Add($"Status {response.Status} declares no body, but the response has {response.Body.Length} bytes.");
            }

            return;
        }

        if (response.ContentType is not { } contentType || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            violations.Add($"Status {response.Status} declares a body, but the response has no Content-Type.");
            return;
        }

        var mediaTypeName = mediaType.MediaType.ToString();
        if (!content.TryGetProperty(mediaTypeName, out _))
        {
            violations.Add($"Content-Type '{mediaTypeName}' is not declared for status {response.Status} (declared: {string.Join(", ", content.EnumerateObject().Select(p => p.Name))}).");
            return;
        }

        if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add($"JSON must be UTF-8, not {mediaType.Charset}.");
        }

        JsonElement body;
        try
        {
            body = JsonDocument.Parse(response.Body).RootElement;
        }
        catch (JsonException ex)
        {
            violations.Add($"The body is not JSON: {ex.Message}");
            return;
        }

        var schemaPointer = $"{pointer}/content/{Escape(mediaTypeName)}/schema";
        violations.AddRange(Evaluate(schemaPointer, body).Select(e => $"Body: {e}"));
    }

    private void CheckHeaders(JsonElement responseObject, string pointer, ApiResponse response, List<string> violations)
    {
        var declared = new Dictionary<string, (string Pointer, JsonElement Header)>(StringComparer.OrdinalIgnoreCase);
        if (responseObject.TryGetProperty("headers", out var headers))
        {
            foreach (var header in headers.EnumerateObject())
            {
                declared[header.Name] = Resolve(header.Value, $"{pointer}/headers/{Escape(header.Name)}");
            }
        }

        foreach (var name in response.Headers.Keys.Where(h => !FramingHeaders.Contains(h) && !declared.ContainsKey(h)))
        {
            violations.Add($"Header '{name}' is not declared for status {response.Status}.");
        }

        foreach (var (name, (headerPointer, header)) in declared)
        {
            if (!response.Headers.TryGetValue(name, out var value))
            {
                if (header.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    violations.Add($"Required header '{name}' is missing from status {response.Status}.");
                }

                continue;
            }

            // A header is text on the wire; a header declared as a number is compared as the number it spells.
            var schemaPointer = $"{headerPointer}/schema";
            var isNumber = ResolveSchema(schemaPointer).TryGetProperty("type", out var type) && type.GetString() is "integer" or "number";
            var instance = isNumber && decimal.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? JsonSerializer.SerializeToElement(number)
                : JsonSerializer.SerializeToElement(value);
            violations.AddRange(Evaluate(schemaPointer, instance).Select(e => $"Header '{name}': {e}"));
        }
    }

    private IEnumerable<string> Evaluate(string schemaPointer, JsonElement instance)
    {
        using var reference = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = $"{DocumentUri}#{Fragment(schemaPointer)}" }));
        var schema = JsonSchema.Build(reference.RootElement, _build, new Uri($"https://petstore.invalid/check/{Guid.NewGuid():N}"));
        var result = schema.Evaluate(instance, Evaluation);
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [result])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
            .DefaultIfEmpty("does not match its schema.");
    }

    /// <summary>Follows a local <c>$ref</c> (components/responses, components/headers) to the object it names.</summary>
    private (string Pointer, JsonElement Value) Resolve(JsonElement element, string pointer)
    {
        while (element.TryGetProperty("$ref", out var reference))
        {
            pointer = reference.GetString()!.TrimStart('#');
            element = At(pointer);
        }

        return (pointer, element);
    }

    private JsonElement ResolveSchema(string pointer) => Resolve(At(pointer), pointer).Value;

    private JsonElement At(string pointer) =>
        JsonPointer.Parse(pointer).Evaluate(_root) ?? throw new InvalidOperationException($"The document has nothing at {pointer}.");

    // A JSON pointer in a URI fragment is percent-encoded (RFC 6901 §6): "+" in a media type would read as a space.
    private static string Fragment(string pointer) => string.Join('/', pointer.Split('/').Select(Uri.EscapeDataString));

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
