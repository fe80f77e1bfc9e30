using System.Diagnostics;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PetStore.Functions.Pets;
using PetStore.Functions.Telemetry;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Telemetry;

/// <summary>
/// Activity and meter listeners are process-wide: a test that records spans or metrics would also record what
/// tests running beside it do. The tests of this collection run alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryGroup
{
    public const string Name = "Telemetry";
}

/// <summary>
/// The whole app, built from its real service registration on a real Azurite (a queue and tables of its own), with
/// the OpenTelemetry SDK registered exactly as the worker registers it (<c>AddPetStoreOpenTelemetry()</c>) and
/// in-memory exporters in place of OTLP or Azure Monitor. Functions are invoked in-process as in the pipeline test.
/// </summary>
internal sealed class TracedApp : IAsyncDisposable
{
    /// <summary>The worker's own activity source: what the worker starts an invocation's span from.</summary>
    private static readonly ActivitySource Worker = new("Microsoft.Azure.Functions.Worker");

    private readonly ServiceProvider _services;
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;
    private readonly LoggerProvider _logging;
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metricSnapshots = [];
    private readonly List<LogRecord> _logs = [];

    private TracedApp(string connectionString)
    {
        QueueName = AzuriteInstance.UniqueName("reminders");
        HostView = new QueueClient(connectionString, QueueName);
        var services = AppServices.With(new Dictionary<string, string?>
        {
            ["PetStorage"] = connectionString,
            ["Storage:PetsTable"] = AzuriteInstance.UniqueName("pets"),
            ["Storage:PurgeIndexTable"] = AzuriteInstance.UniqueName("purge"),
            ["Reminders:QueueName"] = QueueName,
        })
            .AddSingleton<TimeProvider>(Time);
        services.AddPetStoreOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(_metricSnapshots))
            .WithLogging(logging => logging.AddInMemoryExporter(_logs));
        _services = services.BuildServiceProvider();

        // Without a host nobody starts the providers; resolving them is what starts their listeners.
        _tracing = _services.GetRequiredService<TracerProvider>();
        _metrics = _services.GetRequiredService<MeterProvider>();
        _logging = _services.GetRequiredService<LoggerProvider>();
    }

    public FakeTimeProvider Time { get; } = new(TestPets.Start);

    public string QueueName { get; }

    /// <summary>The reminder queue as the Functions host sees it (raw, base64 messages).</summary>
    public QueueClient HostView { get; }

    public IServiceProvider Services => _services;

    /// <param name="storageReachable">False to point the app at ports where nothing listens, so every storage call fails.</param>
    public static async Task<TracedApp> StartAsync(bool storageReachable = true)
    {
        var azurite = await AzuriteInstance.SharedAsync();
        return new(storageReachable
            ? azurite.ConnectionString
            : azurite.ConnectionString
                .Replace($":{azurite.TablePort}/", ":1/", StringComparison.Ordinal)
                .Replace($":{azurite.QueuePort}/", ":1/", StringComparison.Ordinal));
    }

    /// <summary>A new function instance, as the worker creates one per invocation.</summary>
    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    /// <summary>
    /// Starts the span the worker starts around an invocation: from the worker's activity source, a child of the
    /// host's own span (a fresh one here, as the host's trigger would start), current until disposed.
    /// </summary>
    public static Activity Invocation(string function, string? traceState = null)
    {
        var host = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, traceState, isRemote: true);
        return Worker.StartActivity($"function {function}", ActivityKind.Internal, host)
            ?? throw new InvalidOperationException("The worker's activity source has no listener: UseFunctionsWorkerDefaults did not add it.");
    }

    /// <summary>Runs CreatePet inside an invocation span, as the worker would, and returns the new pet's id.</summary>
    public async Task<(string PetId, Activity Invocation)> CreateAsync(string name = "Rex")
    {
        using var invocation = Invocation("CreatePet");
        var result = await Function<CreatePet>().Run(Requests.Json($$"""{"name":"{{name}}","species":"cat","ageMonths":3}"""), default);
        return (Assert.IsType<Created<PetResponse>>(result.Result).Value!.Id, invocation);
    }

    /// <summary>Takes every message off the queue and decodes it, as the queue trigger hands it to the function.</summary>
    public async Task<List<string>> DeliverAllAsync() => (await HostView.ReceiveMessagesAsync(maxMessages: 32)).Value
        .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))
        .ToList();

    /// <summary>Every span exported so far, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans()
    {
        _tracing.ForceFlush();
        return [.. _spans];
    }

    /// <summary>Every log record exported so far.</summary>
    public IReadOnlyList<LogRecord> Logs()
    {
        _logging.ForceFlush();
        return [.. _logs];
    }

    /// <summary>The points of a metric as of now (cumulative), or none if it has recorded nothing.</summary>
    public IReadOnlyList<MetricPoint> Points(string metricName)
    {
        _metricSnapshots.Clear();
        _metrics.ForceFlush();
        return _metricSnapshots.LastOrDefault(m => m.Name == metricName)?.MetricPoints ?? [];
    }

    /// <summary>The sum of a counter over the points whose attribute <paramref name="key"/> has <paramref name="value"/> (all points when key is null).</summary>
    public long Count(string metricName, string? key = null, string? value = null) =>
        Points(metricName).Where(p => key is null || Attribute(p, key) == value).Sum(p => p.GetSumLong());

    public static string? Attribute(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the providers removes their listeners, so the next test starts from none.
        await _services.DisposeAsync();
    }
}
