using PetStore.Bench;

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

        Assert.Equal(["create", "reminder", "get", "get-executor", "purge-flat", "purge-speed", "list", "create-otel", "remind-otel"], report.Scenarios.Select(s => s.Scenario));
        foreach (var scenario in report.Scenarios)
        {
            Assert.True(scenario.Operations > 0, scenario.Scenario);
            AssertMeasured(scenario.App, scenario.Scenario);
            AssertMeasured(scenario.Floor ?? scenario.Reference, scenario.Scenario);
            Assert.True(double.IsFinite(scenario.Target.Ratio) && scenario.Target.Ratio > 0, $"{scenario.Scenario}: ratio {scenario.Target.Ratio}");
            if (scenario.Floor is not null)
            {
                Assert.True(scenario.CpuRatio is > 0 and < double.PositiveInfinity, $"{scenario.Scenario}: CPU ratio {scenario.CpuRatio}");
            }
        }

        foreach (var name in new[] { "create", "reminder", "get", "get-executor" })
        {
            var scenario = report.Scenarios.Single(s => s.Scenario == name);
            var cpu = Assert.Single(scenario.CostTargets!, t => t.Description.StartsWith("CPU/op app/floor", StringComparison.Ordinal));
            Assert.Equal((1.3, false, scenario.CpuRatio), (cpu.Threshold, cpu.AtLeast, (double?)cpu.Ratio));
        }

        // Through the worker's executor, JIT compilations per call are the difference a public function class makes.
        var executor = report.Scenarios.Single(s => s.Scenario == "get-executor");
        var jit = Assert.Single(executor.CostTargets!, t => t.Description.Contains("JIT", StringComparison.Ordinal));
        Assert.Equal(executor.App.JitCompilationsPerOp, jit.Ratio);

        var json = report.ToJson();
        var roundTripped = BenchReport.FromJson(json);
        Assert.Equal(json, roundTripped.ToJson());
        Assert.Contains("cpuMicrosecondsPerOp", json, StringComparison.Ordinal);
        var table = ReportTable.Render(report);
        Assert.Contains("create", table, StringComparison.Ordinal);
        Assert.Contains("app CPU us", table, StringComparison.Ordinal);
    }

    private static void AssertMeasured(PathStats? stats, string scenario)
    {
        Assert.NotNull(stats);
        var path = $"{scenario}: {stats.Description}";
        Assert.True(stats.Operations > 0, $"{path} ran no operations");
        Assert.True(double.IsFinite(stats.OpsPerSecond) && stats.OpsPerSecond > 0, $"{path} at {stats.OpsPerSecond} ops/s");

        // Every operation makes storage requests through the Azure SDK, which costs CPU and allocates.
        Assert.True(double.IsFinite(stats.CpuMicrosecondsPerOp) && stats.CpuMicrosecondsPerOp > 0, $"{path}: CPU {stats.CpuMicrosecondsPerOp} us/op");
        Assert.True(double.IsFinite(stats.AllocatedBytesPerOp) && stats.AllocatedBytesPerOp > 0, $"{path}: {stats.AllocatedBytesPerOp} bytes/op");
        Assert.True(double.IsFinite(stats.JitCompilationsPerOp) && stats.JitCompilationsPerOp >= 0, $"{path}: {stats.JitCompilationsPerOp} JIT/op");

        Assert.NotEmpty(stats.Rounds);
        Assert.Equal(stats.Operations, stats.Rounds.Sum(r => r.Operations));
        Assert.All(stats.Rounds, r => Assert.True(r.CpuSeconds >= 0 && r.AllocatedBytes > 0 && r.JitCompilations >= 0, $"{path}: round {r}"));
    }
}
