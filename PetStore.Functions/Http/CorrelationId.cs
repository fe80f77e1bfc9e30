using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace PetStore.Functions.Http;

/// <summary>
/// The id that ties a request to the background work it causes. A caller may send its own in
/// <c>x-correlation-id</c>; otherwise it is the W3C trace id of the request. It is echoed in the response.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "x-correlation-id";

    private const int MaxLength = 64;

    public static string For(HttpRequest request)
    {
        var id = request.Headers[HeaderName] is [{ } sent] && IsAcceptable(sent)
            ? sent
            : Activity.Current is { TraceId: var traceId } && traceId != default
                ? traceId.ToHexString()
                : Guid.NewGuid().ToString("N");
        request.HttpContext.Response.Headers[HeaderName] = id;
        return id;
    }

    // It ends up in logs and queue messages, so only a short id of safe characters is taken from outside.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
