using System.Globalization;
using System.Text;

namespace PetStore.Bench;

/// <summary>The report as a fixed-width table for people; the JSON has every number for tools.</summary>
internal static class ReportTable
{
    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,-12} {1,6} {2,11} {3,11} {4,6} {5,8} {6,8} {7,9} {8,9}  {9}");

    private static readonly CompositeFormat CostFormat = CompositeFormat.Parse("{0,-12} {1,11} {2,12} {3,6} {4,8} {5,8} {6,8} {7,9}  {8}");

    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var machine = report.Machine;
        text.AppendLine(CultureInfo.InvariantCulture, $"{machine.LogicalCores} cores, {machine.CpuModel}, {machine.Memory}; {machine.OperatingSystem}; {machine.DotNet}; Azurite {machine.Azurite}, Node {machine.Node}");
        text.AppendLine(CultureInfo.InvariantCulture, $"concurrency {report.Options.Concurrency}{(report.Options.QuickMode ? ", quick mode (sizes too small to judge targets)" : "")}; total {report.TotalSeconds:0.0} s");
        text.AppendLine();
        text.AppendLine(Row("scenario", "ops", "app ops/s", "floor ops/s", "ratio", "app p50", "app p95", "floor p50", "floor p95", "target"));
        text.AppendLine(new string('-', 120));
        foreach (var scenario in report.Scenarios)
        {
            text.AppendLine(Line(scenario));
        }

        text.AppendLine();
        text.AppendLine(CostRow("scenario", "app CPU us", "floor CPU us", "ratio", "app KB", "floor KB", "app JIT", "floor JIT", "target"));
        text.AppendLine(new string('-', 120));
        foreach (var scenario in report.Scenarios)
        {
            text.AppendLine(CostLine(scenario));
        }

        text.AppendLine();
        text.AppendLine("ops/s are operations a second over the measured rounds; latencies are ms per operation (create, reminder: one");
        text.AppendLine("call of the function; list: one page; purge-speed floor: one pet delete). Purge runs are timed whole.");
        text.AppendLine("purge-flat shows 'small live set > large live set' ops/s for each path; its ratio is the app's time(large)/time(small).");
        text.AppendLine("Per operation, over the measured rounds, for this whole process (Azurite is another process): CPU in microseconds,");
        text.AppendLine("KB allocated (1 KB = 1,024 bytes), methods JIT-compiled. purge-flat's cost columns are the large live set's.");
        foreach (var scenario in report.Scenarios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{scenario.Scenario}: {scenario.Notes}");
        }
        return text.ToString();
    }

    public static string Line(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var floor = scenario.Floor ?? scenario.Reference;
        var target = scenario.Target;
        var appOps = scenario.Reference is { } reference
            ? $"{Number(reference.OpsPerSecond)}>{Number(scenario.App.OpsPerSecond)}"
            : Number(scenario.App.OpsPerSecond);
        return Row(
            scenario.Scenario,
            scenario.Operations.ToString(CultureInfo.InvariantCulture),
            appOps,
            scenario.FloorReference is { } floorReference
                ? $"{Number(floorReference.OpsPerSecond)}>{Number(floor!.OpsPerSecond)}"
                : floor is null ? "-" : Number(floor.OpsPerSecond),
            target.Ratio.ToString("0.00", CultureInfo.InvariantCulture),
            Ms(scenario.App.P50Ms),
            Ms(scenario.App.P95Ms),
            Ms(scenario.Floor?.P50Ms),
            Ms(scenario.Floor?.P95Ms),
            Verdict(target));
    }

    public static string CostLine(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var floor = scenario.Floor;
        return CostRow(
            scenario.Scenario,
            Number(scenario.App.CpuMicrosecondsPerOp),
            floor is null ? "-" : Number(floor.CpuMicrosecondsPerOp),
            scenario.CpuRatio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
            Kb(scenario.App.AllocatedBytesPerOp),
            floor is null ? "-" : Kb(floor.AllocatedBytesPerOp),
            Jit(scenario.App.JitCompilationsPerOp),
            floor is null ? "-" : Jit(floor.JitCompilationsPerOp),
            string.Join("; ", (scenario.CostTargets ?? []).Select(Verdict)));
    }

    private static string Verdict(Target target) => $"{target.Description}: {(target.Met ? "met" : "MISSED")}";

    private static string CostRow(params object[] cells) => string.Format(CultureInfo.InvariantCulture, CostFormat, cells);

    private static string Kb(double bytes) => Number(bytes / 1024);

    private static string Jit(double perOperation) => perOperation.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Row(params object[] cells) => string.Format(CultureInfo.InvariantCulture, Format, cells);

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);

    private static string Ms(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";
}
