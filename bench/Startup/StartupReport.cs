using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PetStore.Bench.Startup;

/// <summary>One step of a worker's start, counted from the moment the benchmark launched the process.</summary>
/// <param name="Name">main, configured, built, ready, started, first-call (see <c>StartupProbe/WorkerStartProbe.cs</c>).</param>
/// <param name="Ms">Wall time from the launch of <c>dotnet</c> to this step, in milliseconds.</param>
/// <param name="CpuMs">The worker process's CPU time by this step (user and kernel, all threads), in milliseconds.</param>
/// <param name="JitCompilations">Methods the JIT had compiled by this step (every tier, all threads).</param>
/// <param name="AllocatedKb">KiB allocated on the managed heap by this step.</param>
/// <param name="WorkingSetMb">The process's working set at this step, in MiB.</param>
internal sealed record StartupStage(string Name, double Ms, double CpuMs, long JitCompilations, double AllocatedKb, double WorkingSetMb);

/// <summary>One launch of a worker: its steps in order.</summary>
internal sealed record ProbeRun(IReadOnlyList<StartupStage> Stages, int Functions, int FunctionClasses);

/// <param name="ReadyToRun">Whether the worker's own assembly holds ReadyToRun code (a <c>PublishReadyToRun</c> publish).</param>
/// <param name="Median">Each step's median over the runs, number by number.</param>
internal sealed record StartupWorker(
    string Name,
    string Path,
    bool ReadyToRun,
    int Functions,
    int FunctionClasses,
    IReadOnlyList<StartupStage> Median,
    IReadOnlyList<ProbeRun> Runs)
{
    public StartupStage Stage(string name) => Median.Single(s => s.Name == name);
}

internal sealed record StartupReport(
    DateTimeOffset StartedAt,
    double TotalSeconds,
    MachineInfo Machine,
    int Runs,
    StartupWorker App,
    StartupWorker Baseline)
{
    /// <summary>The step at which the worker would start talking to the host.</summary>
    public const string Ready = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,-11} {1,7} {2,7} {3,6} {4,8} {5,8} {6,6} {7,8} {8,8} {9,6} {10,7} {11,7}");

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StartupReport FromJson(string json) =>
        JsonSerializer.Deserialize<StartupReport>(json, Json) ?? throw new JsonException("The report is empty.");

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Machine.LogicalCores} cores, {Machine.CpuModel}, {Machine.Memory}; {Machine.OperatingSystem}; {Machine.DotNet}");
        text.AppendLine(CultureInfo.InvariantCulture, $"worker start-up, median of {Runs} launches each (alternating); total {TotalSeconds:0.0} s");
        foreach (var worker in new[] { App, Baseline })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {worker.Name,-8} {worker.Path} ({worker.Functions} functions in {worker.FunctionClasses} classes; ReadyToRun {(worker.ReadyToRun ? "yes" : "no")})");
        }

        text.AppendLine();
        text.AppendLine(Row("step", "app ms", "base ms", "ratio", "app CPU", "base CPU", "ratio", "app JIT", "base JIT", "ratio", "app MB", "base MB"));
        text.AppendLine(new string('-', 104));
        foreach (var app in App.Median)
        {
            var baseline = Baseline.Stage(app.Name);
            text.AppendLine(Row(
                app.Name,
                Number(app.Ms),
                Number(baseline.Ms),
                Ratio(app.Ms, baseline.Ms),
                Number(app.CpuMs),
                Number(baseline.CpuMs),
                Ratio(app.CpuMs, baseline.CpuMs),
                app.JitCompilations.ToString(CultureInfo.InvariantCulture),
                baseline.JitCompilations.ToString(CultureInfo.InvariantCulture),
                Ratio(app.JitCompilations, baseline.JitCompilations),
                Number(app.WorkingSetMb),
                Number(baseline.WorkingSetMb)));
        }

        text.AppendLine();
        text.AppendLine("Each step counts from the launch of 'dotnet <worker>.dll' (wall ms), or from the process's start (CPU ms, methods");
        text.AppendLine("JIT-compiled, working set MiB). main: runtime up, Main about to run; configured: CreateBuilder and the app's");
        text.AppendLine("configuration done; built: Build() done; ready: options validated, the worker opens its gRPC stream to the host;");
        text.AppendLine("started: every hosted service started, Kestrel listening for the host's HTTP; first-call: function metadata read and");
        text.AppendLine("every function class activated from a scope, as the first invocations do.");
        return text.ToString();
    }

    private static string Row(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Format, cells);

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);

    private static string Ratio(double app, double baseline) =>
        baseline > 0 ? (app / baseline).ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
