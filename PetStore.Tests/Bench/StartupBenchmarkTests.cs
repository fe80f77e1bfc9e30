using PetStore.Bench;
using PetStore.Bench.Startup;
using PetStore.Tests.Contract;

namespace PetStore.Tests.Bench;

/// <summary>
/// The start-up measurement works: it launches the real PetStore.Functions worker and the baseline worker as the
/// host would, and the probe reports every step of their start. Timing is not asserted.
/// </summary>
[Trait("Category", "Integration")]
public class StartupBenchmarkTests
{
    private static readonly string[] Steps = ["main", "configured", "built", "ready", "started", "first-call"];

    [Fact]
    public async Task RunAsync_BuiltWorkers_ReportsEveryStepOfBothStartsAndJsonRoundTrips()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var options = BenchOptions.Parse(["--startup", "--quick", "--startup-runs", "2"]);

        var report = await StartupBenchmark.RunAsync(options, new StringWriter(), timeout.Token);

        Assert.Equal(2, report.Runs);
        AssertStarted(report.App, runs: 2);
        AssertStarted(report.Baseline, runs: 2);

        // The probe read the app's own metadata and activated a class for each function, as the first calls will.
        Assert.Equal(FunctionsMetadata.All.Count, report.App.Functions);
        Assert.Equal(FunctionsMetadata.All.Select(f => f.EntryPoint[..f.EntryPoint.LastIndexOf('.')]).Distinct().Count(), report.App.FunctionClasses);
        Assert.Equal((1, 1), (report.Baseline.Functions, report.Baseline.FunctionClasses));

        // What dotnet build produces carries no ReadyToRun code; only a publish does.
        Assert.False(report.App.ReadyToRun);
        Assert.False(report.Baseline.ReadyToRun);

        var json = report.ToJson();
        Assert.Equal(json, StartupReport.FromJson(json).ToJson());
        Assert.Contains("first-call", report.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StartupThenQuick_KeepsTheStartupModeWithFewerRuns()
    {
        var options = BenchOptions.Parse(["--startup", "--startup-app", "app.dll", "--startup-setting", "A=1", "--quick", "--startup-setting", "B="]);

        Assert.True(options.Startup);
        Assert.Equal(("app.dll", BenchOptions.Quick.StartupRuns), (options.StartupApp, options.StartupRuns));
        Assert.Equal(["A=1", "B="], options.StartupSettings);
        Assert.True(BenchOptions.Quick.StartupRuns < BenchOptions.Full.StartupRuns);
    }

    [Fact]
    public void Parse_StartupSettingWithoutName_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--startup", "--startup-setting", "=1"]));

        Assert.Contains("NAME=VALUE", error.Message, StringComparison.Ordinal);
    }

    private static void AssertStarted(StartupWorker worker, int runs)
    {
        Assert.Equal(runs, worker.Runs.Count);
        Assert.True(File.Exists(worker.Path), worker.Path);
        foreach (var stages in worker.Runs.Select(r => r.Stages).Append(worker.Median))
        {
            Assert.Equal(Steps, stages.Select(s => s.Name));
            Assert.All(stages, s => Assert.True(
                s.Ms > 0 && s.CpuMs > 0 && s.JitCompilations > 0 && s.AllocatedKb > 0 && s.WorkingSetMb > 0,
                $"{worker.Name} {s}"));

            // Each step comes after the one before it, and the process's counters only grow.
            for (var i = 1; i < stages.Count; i++)
            {
                var (before, after) = (stages[i - 1], stages[i]);
                Assert.True(
                    after.Ms > before.Ms && after.CpuMs >= before.CpuMs && after.JitCompilations >= before.JitCompilations,
                    $"{worker.Name}: {before} then {after}");
            }
        }
    }
}
