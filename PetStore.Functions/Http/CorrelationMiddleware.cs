using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Http;

/// <summary>
/// For HTTP triggers: resolves the request's correlation id before the function runs, echoes it in
/// <c>x-correlation-id</c> on every response (problems included), and opens a log scope with it so every log line
/// of the invocation carries it.
/// </summary>
internal sealed class CorrelationMiddleware(ILogger<CorrelationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var id = CorrelationId.Of(http, context.TraceContext?.TraceParent);
        http.Response.Headers[CorrelationId.HeaderName] = id;
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
