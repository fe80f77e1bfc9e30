using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PetStore.Functions.Http;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Http;

/// <summary>The correlation middleware run as the worker runs it, around a function that reads the id and logs.</summary>
public class CorrelationMiddlewareTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static async Task<(string? SeenByFunction, HttpContext Http, FakeLogCollector Logs)> InvokeAsync(string? sent, string? traceParent = TraceParent)
    {
        var http = new DefaultHttpContext();
        if (sent is not null)
        {
            http.Request.Headers[CorrelationId.HeaderName] = sent;
        }

        // One logger factory, as in the worker: a scope opened on one logger is seen by every other.
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(logs)));
        var logger = loggers.CreateLogger<CorrelationMiddleware>();
        var functionLogger = loggers.CreateLogger("PetStore.Functions.Pets.GetPet");
        string? seen = null;
        await new CorrelationMiddleware(logger).Invoke(
            new TestFunctionContext("GetPet", "httpTrigger", http, traceParent),
            _ =>
            {
                seen = CorrelationId.Of(http.Request);
                functionLogger.Log(LogLevel.Information, default, "inside the function", null, (state, _) => state);
                return Task.CompletedTask;
            });
        return (seen, http, logs);
    }

    [Theory]
    [InlineData("abc-123_X.y")]
    [InlineData("a")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public async Task Invoke_SafeIdFromTheCaller_IsUsedEchoedAndScoped(string sent)
    {
        var (seen, http, logs) = await InvokeAsync(sent);

        Assert.Equal(sent, seen);
        Assert.Equal(sent, http.Response.Headers[CorrelationId.HeaderName].ToString());
        Assert.Equal(sent, ScopedCorrelationId(logs));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("semi;colon")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Invoke_UnsafeOrMissingId_UsesTheTraceIdOfTheInvocation(string sent)
    {
        var (seen, http, logs) = await InvokeAsync(sent);

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", seen);
        Assert.Equal(seen, http.Response.Headers[CorrelationId.HeaderName].ToString());
        Assert.Equal(seen, ScopedCorrelationId(logs));
    }

    [Fact]
    public async Task Invoke_NoIdAndNoTraceContext_MakesUpAnId()
    {
        Activity.Current = null;

        var (seen, http, _) = await InvokeAsync(sent: null, traceParent: null);

        Assert.Matches("^[0-9a-f]{32}$", seen);
        Assert.Equal(seen, http.Response.Headers[CorrelationId.HeaderName].ToString());
    }

    [Fact]
    public async Task Invoke_NotAnHttpTrigger_PassesThrough()
    {
        var called = false;
        await new CorrelationMiddleware(new FakeLogger<CorrelationMiddleware>()).Invoke(
            new TestFunctionContext("SetFeedingReminder", "queueTrigger"),
            _ =>
            {
                called = true;
                return Task.CompletedTask;
            });

        Assert.True(called);
    }

    private static string? ScopedCorrelationId(FakeLogCollector logs)
    {
        var record = Assert.Single(logs.GetSnapshot(), r => r.Message == "inside the function");
        return record.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>()
            .SelectMany(scope => scope)
            .Where(p => p.Key == "CorrelationId")
            .Select(p => p.Value as string)
            .SingleOrDefault();
    }
}
