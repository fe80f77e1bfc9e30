extern alias bench;

using bench::PetStore.Bench;

namespace PetStore.Tests.Bench;

/// <summary>
/// The benchmark itself works: every scenario runs against its own Azurite and produces numbers that mean
/// something. Timing is not asserted; a test machine's speed proves nothing about the app.
/// </summary>
[Trait("Category", "Integration")]
public class BenchmarkTests
{
    [Fact]
    public async Task RunAsync_QuickMode_EveryScenarioMeasuresBothPathsAndJsonRoundTrips()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var log = new StringWriter();

        var report = await BenchmarkRunner.RunAsync(BenchOptions.Quick, log, timeout.Token);

        Assert.Equal(["create", "reminder", "purge-flat", "purge-speed", "list", "create-otel", "remind-otel"], report.Scenarios.Select(s => s.Scenario));
        foreach (var scenario in report.Scenarios)
        {
            Assert.True(scenario.Operations > 0, scenario.Scenario);
            AssertMeasured(scenario.App, scenario.Scenario);
            AssertMeasured(scenario.Floor ?? scenario.Reference, scenario.Scenario);
            Assert.True(double.IsFinite(scenario.Target.Ratio) && scenario.Target.Ratio > 0, $"{scenario.Scenario}: ratio {scenario.Target.Ratio}");
        }

        var json = report.ToJson();
        var roundTripped = BenchReport.FromJson(json);
        Assert.Equal(json, roundTripped.ToJson());
        Assert.Contains("create", ReportTable.Render(report), StringComparison.Ordinal);
    }

    private static void AssertMeasured(PathStats? stats, string scenario)
    {
        Assert.NotNull(stats);
        Assert.True(stats.Operations > 0, $"{scenario}: {stats.Description} ran no operations");
        Assert.True(double.IsFinite(stats.OpsPerSecond) && stats.OpsPerSecond > 0, $"{scenario}: {stats.Description} at {stats.OpsPerSecond} ops/s");
    }
}
