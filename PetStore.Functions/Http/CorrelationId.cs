using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace PetStore.Functions.Http;

/// <summary>
/// The id that ties a request to the background work it causes. A caller may send its own in
/// <c>x-correlation-id</c>; otherwise it is the W3C trace id of the request (from the <c>traceparent</c> the
/// Functions host passes to the worker). <see cref="CorrelationMiddleware"/> resolves it once per request and echoes
/// it; functions read it with <see cref="Of(HttpRequest)"/>.
/// </summary>
internal static class CorrelationId
{
    public const string HeaderName = "x-correlation-id";

    /// <summary>The longest id taken from a caller, in characters.</summary>
    public const int MaxLength = 64;

    private static readonly object ItemKey = new();

    /// <summary>
    /// This request's correlation id. Resolved on first use and kept on the request, so every caller within one
    /// request sees the same id.
    /// </summary>
    /// <param name="traceParent">The W3C <c>traceparent</c> of the invocation, if the caller knows it.</param>
    public static string Of(HttpContext context, string? traceParent = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var known) && known is string id)
        {
            return id;
        }

        id = context.Request.Headers[HeaderName] is [{ } sent] && IsAcceptable(sent)
            ? sent
            : TraceId(traceParent) ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        return id;
    }

    /// <inheritdoc cref="Of(HttpContext, string?)"/>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Of(request.HttpContext);
    }

    // It ends up in logs and queue messages, so only a short id of safe characters is taken from outside.
    private static bool IsAcceptable(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string? TraceId(string? traceParent)
    {
        if (ActivityContext.TryParse(traceParent, null, out var parsed) && parsed.TraceId != default)
        {
            return parsed.TraceId.ToHexString();
        }

        return Activity.Current is { TraceId: var traceId } && traceId != default ? traceId.ToHexString() : null;
    }
}
