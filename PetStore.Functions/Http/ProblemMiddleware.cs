using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Http;

/// <summary>
/// For HTTP triggers: turns an exception that escapes a function into a problem response. A
/// <see cref="DependencyUnavailableException"/> becomes a 503; anything else a 500 without internals, logged once
/// here. Every 503, this one or one a function answers itself, gets the <c>Retry-After</c> the caller can honour. A
/// request the caller already abandoned rethrows: nobody is waiting for an answer. Other triggers never reach it, so
/// the host's retries and poison queue apply to them.
/// </summary>
internal sealed class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>The <c>Retry-After</c> of a 503, in seconds (RFC 9110 §10.2.3).</summary>
    public const int RetryAfterSeconds = 5;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.RequestAborted.IsCancellationRequested)
        {
            var problem = ProblemFor(ex);
            if (problem.StatusCode == StatusCodes.Status500InternalServerError)
            {
                HttpLog.UnhandledException(logger, context.FunctionDefinition.Name, context.InvocationId, ex);
            }

            context.GetInvocationResult().Value = problem;
        }

        // Every 503 says when to retry, whether the outage escaped the function or the function answered it itself.
        if (context.GetHttpContext() is { } response && IsUnavailable(context.GetInvocationResult().Value))
        {
            response.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static bool IsUnavailable(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is IStatusCodeHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable };

    /// <summary>The problem an escaped exception becomes: 503 for an unavailable dependency, else 500.</summary>
    public static ProblemHttpResult ProblemFor(Exception exception) =>
        Unwrap(exception) is DependencyUnavailableException
            ? Problems.Unavailable($"Storage is unavailable right now. Retry in {RetryAfterSeconds} seconds.")
            : Problems.Unexpected();

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException or TargetInvocationException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
