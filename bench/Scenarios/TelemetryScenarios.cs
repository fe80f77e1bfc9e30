using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// What tracing costs: the create and reminder paths with telemetry on (the app's spans, the Azure SDK's spans and
/// the app's metrics, through a batch processor to an exporter that discards) against the same paths with telemetry
/// off (no listener, as the worker runs without an exporter setting), in alternating rounds of the same run. In the
/// table the "app" columns are telemetry on and the "floor" columns telemetry off.
/// </summary>
/// <remarks>
/// Listeners are process-wide, so telemetry is switched on for the "on" rounds only: the providers are built before
/// such a round and disposed (flushed) after it, outside the timed part.
/// </remarks>
internal static class TelemetryScenarios
{
    public const string CreateName = "create-otel";

    public const string ReminderName = "remind-otel";

    private const double Threshold = 0.90;

    private const int SeedChunk = 500;

    public static async Task<ScenarioResult> CreateAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("createotel");

        async Task CreateOneAsync(int i, CancellationToken ct)
        {
            var request = app.Request("POST", "/api/pets", jsonBody: string.Create(CultureInfo.InvariantCulture, $$"""{"name":"Pet {{i}}","species":"cat","ageMonths":3}"""));
            var result = await app.Function<CreatePet>().Run(request, ct);
            if (result.Result is not Created<PetResponse>)
            {
                throw new BenchmarkFailedException($"CreatePet answered {result.Result?.GetType().Name} instead of 201.");
            }

            await result.ExecuteAsync(request.HttpContext);
        }

        var warmUp = WarmUpCount(options.Creates);
        context.Say($"{CreateName}: warming up ({warmUp} each)");
        using (TelemetryOn())
        {
            await Load.RunAsync(warmUp, options.Concurrency, CreateOneAsync, cancellationToken);
        }

        await Load.RunAsync(warmUp, options.Concurrency, CreateOneAsync, cancellationToken);

        context.Say($"{CreateName}: {options.Creates} creates per path, concurrency {options.Concurrency}");
        var (on, off) = await InterleaveAsync(options, options.Creates, CreateOneAsync, CreateOneAsync, cancellationToken);
        return Result(
            CreateName,
            options,
            options.Creates,
            on.ToStats("CreatePet with telemetry on: spans and metrics to a discarding exporter"),
            off.ToStats("CreatePet with telemetry off: no listener"));
    }

    public static async Task<ScenarioResult> ReminderAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("remindotel");
        var warmUp = WarmUpCount(options.Reminders);
        var perPath = warmUp + options.Reminders;

        // Created with telemetry on, so every message carries the trace context a traced create puts in it.
        context.Say($"{ReminderName}: seeding {2 * perPath} pets through CreatePet and taking their messages off the queue");
        var messages = new List<string>(2 * perPath);
        using (TelemetryOn())
        {
            for (var seeded = 0; seeded < 2 * perPath; seeded += SeedChunk)
            {
                var chunk = Math.Min(SeedChunk, (2 * perPath) - seeded);
                await BenchContext.SeedAsync(chunk, async (_, ct) => await ReminderScenario.CreateAsync(app, ct), cancellationToken);
                messages.AddRange(await ReminderScenario.ReceiveAllAsync(app, chunk, cancellationToken));
            }
        }

        async Task RemindAsync(string message, CancellationToken ct)
        {
            var outcome = await app.Function<SetFeedingReminder>().ProcessAsync(message, ct);
            if (outcome != ReminderOutcome.ReminderSet)
            {
                throw new BenchmarkFailedException($"SetFeedingReminder answered {outcome} instead of setting the reminder.");
            }
        }

        // Even messages for the "on" path, odd ones for the "off" path: pets created side by side in the emulator.
        Task OnAsync(int i, CancellationToken ct) => RemindAsync(messages[2 * i], ct);
        Task OffAsync(int i, CancellationToken ct) => RemindAsync(messages[(2 * i) + 1], ct);

        context.Say($"{ReminderName}: warming up ({warmUp} each)");
        using (TelemetryOn())
        {
            await Load.RunAsync(warmUp, options.Concurrency, OnAsync, cancellationToken);
        }

        await Load.RunAsync(warmUp, options.Concurrency, OffAsync, cancellationToken);

        context.Say($"{ReminderName}: {options.Reminders} reminders per path, concurrency {options.Concurrency}");
        var (on, off) = await InterleaveAsync(
            options, options.Reminders, (i, ct) => OnAsync(warmUp + i, ct), (i, ct) => OffAsync(warmUp + i, ct), cancellationToken);
        return Result(
            ReminderName,
            options,
            options.Reminders,
            on.ToStats("SetFeedingReminder with telemetry on: spans and metrics to a discarding exporter"),
            off.ToStats("SetFeedingReminder with telemetry off: no listener"));
    }

    /// <summary>
    /// Three times the other scenarios' warm-up: the "on" path runs code the "off" path never does (the OpenTelemetry
    /// SDK, the Azure SDK's activity paths), and with the shorter warm-up the first timed "on" rounds of a run were
    /// still 25-30% slower than the later ones, which were level with "off": JIT, not tracing.
    /// </summary>
    private static int WarmUpCount(int operations) => Math.Min(3 * BenchContext.WarmUpCount(operations), operations);

    /// <summary>
    /// The worker's tracing and metrics as <c>AddPetStoreOpenTelemetry()</c> registers them (the same sources and
    /// meter), exporting through the batch processor and periodic reader a real exporter uses, to nowhere.
    /// </summary>
    private static Providers TelemetryOn()
    {
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddPetStoreInstrumentation()
            .AddProcessor(new BatchActivityExportProcessor(new Discard<Activity>()))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .AddPetStoreInstrumentation()
            .AddReader(new PeriodicExportingMetricReader(new Discard<Metric>(), exportIntervalMilliseconds: 1_000))
            .Build();
        return new Providers(tracing, metrics);
    }

    /// <summary>ABBA rounds as <see cref="Load.InterleaveAsync"/> runs them, with telemetry on around the "on" rounds.</summary>
    private static async Task<(Timings On, Timings Off)> InterleaveAsync(
        BenchOptions options,
        int total,
        Func<int, CancellationToken, Task> on,
        Func<int, CancellationToken, Task> off,
        CancellationToken cancellationToken)
    {
        var onTimings = new Timings();
        var offTimings = new Timings();
        var rounds = Math.Clamp(options.Rounds, 1, total);
        var offset = 0;
        for (var round = 0; round < rounds; round++)
        {
            var size = (total / rounds) + (round < total % rounds ? 1 : 0);
            var first = offset;
            async Task RunOnAsync()
            {
                using var telemetry = TelemetryOn();
                onTimings.Add(size, await Load.RunAsync(size, options.Concurrency, (i, ct) => on(first + i, ct), cancellationToken));
            }

            async Task RunOffAsync()
            {
                offTimings.Add(size, await Load.RunAsync(size, options.Concurrency, (i, ct) => off(first + i, ct), cancellationToken));
            }

            if (round % 2 == 0)
            {
                await RunOnAsync();
                await RunOffAsync();
            }
            else
            {
                await RunOffAsync();
                await RunOnAsync();
            }

            offset += size;
        }

        return (onTimings, offTimings);
    }

    private static ScenarioResult Result(string name, BenchOptions options, int operations, PathStats on, PathStats off) => new(
        name,
        operations,
        on,
        off,
        null,
        new Target($"on/off >= {Threshold:0.00}", Math.Round(on.OpsPerSecond / off.OpsPerSecond, 3), Threshold, AtLeast: true),
        $"concurrency {options.Concurrency}; app = telemetry on (spans + metrics, batch export to a discarding exporter), floor = telemetry off, alternating rounds");

    private sealed class Discard<T> : BaseExporter<T>
        where T : class
    {
        public override ExportResult Export(in Batch<T> batch) => ExportResult.Success;
    }

    private sealed class Providers(TracerProvider tracing, MeterProvider metrics) : IDisposable
    {
        public void Dispose()
        {
            tracing.Dispose();
            metrics.Dispose();
        }
    }
}
