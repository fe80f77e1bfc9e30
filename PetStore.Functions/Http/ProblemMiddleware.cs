using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Http;

/// <summary>
/// Turns an exception that escapes an HTTP function into a problem response: storage faults become a 503 the
/// caller can retry, anything else a 500 without internals, logged once here. Other triggers rethrow, so the
/// host's retries and poison queue apply.
/// </summary>
internal sealed class ProblemMiddleware(ILogger<ProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    private const int RetryAfterSeconds = 5;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
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
            else
            {
                http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            context.GetInvocationResult().Value = problem;
        }
    }

    internal static ProblemHttpResult ProblemFor(Exception exception) =>
        Unwrap(exception) is StorageUnavailableException
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
