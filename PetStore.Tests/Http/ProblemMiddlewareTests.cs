using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PetStore.Functions;
using PetStore.Functions.Http;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Http;

/// <summary>The problem middleware run as the worker runs it: around a function, on a function context with an HTTP request.</summary>
public class ProblemMiddlewareTests
{
    private readonly FakeLogger<ProblemMiddleware> _logger = new();

    private async Task<(TestFunctionContext Context, HttpContext Http)> InvokeAsync(Exception thrown, string trigger = "httpTrigger")
    {
        var http = new DefaultHttpContext();
        var context = new TestFunctionContext("GetPet", trigger, http);
        await new ProblemMiddleware(_logger).Invoke(context, _ => throw thrown);
        return (context, http);
    }

    [Fact]
    public async Task Invoke_DependencyUnavailable_AnswersServiceUnavailableWithRetryAfterAndLogsNothing()
    {
        var (context, http) = await InvokeAsync(new DependencyUnavailableException("down", new InvalidOperationException("secret detail")));

        var problem = Assert.IsType<ProblemHttpResult>(context.InvocationResult);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.DoesNotContain("secret", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Equal(ProblemMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), http.Response.Headers.RetryAfter.ToString());
        Assert.Equal(0, _logger.Collector.Count);
    }

    [Fact]
    public async Task Invoke_WrappedDependencyFault_IsUnwrapped()
    {
        var (context, _) = await InvokeAsync(new AggregateException(new DependencyUnavailableException("down")));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsType<ProblemHttpResult>(context.InvocationResult).StatusCode);
    }

    [Fact]
    public async Task Invoke_AnythingElse_AnswersInternalErrorWithoutInternalsAndLogsItOnce()
    {
        var thrown = new InvalidOperationException("connection string=secret");

        var (context, http) = await InvokeAsync(thrown);

        var problem = Assert.IsType<ProblemHttpResult>(context.InvocationResult);
        Assert.Equal(StatusCodes.Status500InternalServerError, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.ContentType);
        Assert.DoesNotContain("secret", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
        var logged = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Same(thrown, logged.Exception);
        Assert.Contains("GetPet", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_CallerHungUp_Rethrows()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = new DefaultHttpContext { RequestAborted = aborted.Token };
        var context = new TestFunctionContext("GetPet", "httpTrigger", http);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new ProblemMiddleware(_logger).Invoke(context, _ => throw new InvalidOperationException()));
        Assert.Null(context.InvocationResult);
    }

    [Fact]
    public async Task Invoke_FunctionAnswersServiceUnavailable_AddsRetryAfter()
    {
        var http = new DefaultHttpContext();
        var context = new TestFunctionContext("CreatePet", "httpTrigger", http);
        Results<Created, ProblemHttpResult> answered = Problems.Unavailable("The queue is down.");

        await new ProblemMiddleware(_logger).Invoke(context, c =>
        {
            c.GetInvocationResult().Value = answered;
            return Task.CompletedTask;
        });

        Assert.Same(answered, context.InvocationResult);
        Assert.Equal(ProblemMiddleware.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task Invoke_FunctionAnswersAnythingElse_AddsNoRetryAfter()
    {
        var http = new DefaultHttpContext();
        var context = new TestFunctionContext("GetPet", "httpTrigger", http);

        await new ProblemMiddleware(_logger).Invoke(context, c =>
        {
            c.GetInvocationResult().Value = Problems.Conflict("busy");
            return Task.CompletedTask;
        });

        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task Invoke_NoException_LeavesTheResultAlone()
    {
        var context = new TestFunctionContext("GetPet", "httpTrigger", new DefaultHttpContext());

        await new ProblemMiddleware(_logger).Invoke(context, _ => Task.CompletedTask);

        Assert.Null(context.InvocationResult);
    }
}
