using System.Diagnostics;
using PetStore.Bench.Scenarios;
using PetStore.Testing;

namespace PetStore.Bench;

/// <summary>Starts an Azurite of its own on free ports, runs every scenario against it, and stops it.</summary>
internal static class BenchmarkRunner
{
    public static readonly IReadOnlyList<(string Name, Func<BenchContext, CancellationToken, Task<ScenarioResult>> Run)> Scenarios =
    [
        (CreateScenario.Name, CreateScenario.RunAsync),
        (ReminderScenario.Name, ReminderScenario.RunAsync),
        (GetScenario.Name, GetScenario.RunAsync),
        (GetExecutorScenario.Name, GetExecutorScenario.RunAsync),
        (PurgeFlatScenario.Name, PurgeFlatScenario.RunAsync),
        (PurgeSpeedScenario.Name, PurgeSpeedScenario.RunAsync),
        (ListScenario.Name, ListScenario.RunAsync),
        (TelemetryScenarios.CreateName, TelemetryScenarios.CreateAsync),
        (TelemetryScenarios.ReminderName, TelemetryScenarios.ReminderAsync),
    ];

    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await using var azurite = await AzuriteInstance.StartAsync(cancellationToken);
        var context = new BenchContext(azurite.ConnectionString, options, log);
        context.Say($"Azurite pid {azurite.ProcessId}: table port {azurite.TablePort}, queue port {azurite.QueuePort}");

        var results = new List<ScenarioResult>();
        foreach (var (name, scenario) in Scenarios)
        {
            if (options.Only.Count > 0 && !options.Only.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            results.Add(await scenario(context, cancellationToken));
            context.Say(ReportTable.Line(results[^1]));
            context.Say(ReportTable.CostLine(results[^1]));
        }

        return new BenchReport(startedAt, Math.Round(clock.Elapsed.TotalSeconds, 1), Machine.Describe(), options, results);
    }
}
