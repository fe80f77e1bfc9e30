using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using PetStore.Functions;

namespace PetStore.Tests.Telemetry;

/// <summary>
/// Telemetry on the worker built exactly as Program.cs builds it. What the host does with it (its own spans, the
/// invocation's traceparent, dropping the worker's logs it would otherwise forward) needs the host and is not
/// proven here; what the worker tells the host, and how it logs, is.
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class WorkerTelemetryTests
{
    private static IServiceProvider Worker(params string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.Configuration["PetStorage"] = "UseDevelopmentStorage=true";
        builder.ConfigurePetStore();
        return builder.Build().Services;
    }

    private static string? Capability(IServiceProvider worker, string name) =>
        worker.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities.TryGetValue(name, out var value) ? value : null;

    [Fact]
    public void Worker_WithoutExporterSettings_LeavesTelemetryToTheHost()
    {
        var worker = Worker();

        Assert.Null(worker.GetService<TracerProvider>());
        Assert.Null(Capability(worker, "WorkerOpenTelemetryEnabled"));
    }

    [Fact]
    public void Worker_WithAnOtlpEndpoint_ExportsItselfAndTellsTheHostSo()
    {
        var worker = Worker("--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:1");

        Assert.NotNull(worker.GetService<TracerProvider>());
        Assert.Equal(bool.TrueString, Capability(worker, "WorkerOpenTelemetryEnabled"));
    }

    [Fact]
    public void Worker_LogScopes_CarryTheTraceAndSpanIds()
    {
        var tracking = Worker().GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;

        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId), tracking.ToString());
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.SpanId), tracking.ToString());
    }
}
