using System.Text.Json;
using System.Text.Json.Serialization;

namespace PetStore.Bench;

/// <summary>One path's numbers: the app's, the floor's, or a reference run of the app.</summary>
/// <param name="P50Ms">Per-operation latency; null where the operation is the whole run (purge).</param>
/// <param name="CpuMicrosecondsPerOp">
/// This process's CPU time over the measured rounds (all threads) divided by the operations, in microseconds.
/// Azurite's own CPU is not in it (it is another process).
/// </param>
/// <param name="AllocatedBytesPerOp">Bytes allocated by the whole process over the measured rounds, per operation.</param>
/// <param name="JitCompilationsPerOp">
/// Methods the JIT compiled over the measured rounds (after the warm-up), per operation: about zero at steady state,
/// unless something compiles code per call.
/// </param>
/// <param name="Rounds">Every measured round, in order.</param>
internal sealed record PathStats(
    string Description,
    int Operations,
    double Seconds,
    double OpsPerSecond,
    double? P50Ms,
    double? P95Ms,
    double CpuMicrosecondsPerOp,
    double AllocatedBytesPerOp,
    double JitCompilationsPerOp,
    IReadOnlyList<RoundStats> Rounds);

/// <summary>One measured round of one path, with the process counters over its wall time.</summary>
internal sealed record RoundStats(int Operations, double Seconds, double CpuSeconds, long AllocatedBytes, long JitCompilations);

/// <param name="Ratio">The number the target is about: app/floor, or for purge-flat time(large)/time(small).</param>
/// <param name="AtLeast">True when the ratio must be at least the threshold, false when at most.</param>
internal sealed record Target(string Description, double Ratio, double Threshold, bool AtLeast)
{
    public bool Met => AtLeast ? Ratio >= Threshold : Ratio <= Threshold;

    /// <summary>The app's CPU time per operation may be at most <paramref name="threshold"/> times the floor's.</summary>
    public static Target CpuPerOperation(PathStats app, PathStats floor, double threshold)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(floor);
        return new Target(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CPU/op app/floor <= {threshold}"),
            Math.Round(app.CpuMicrosecondsPerOp / floor.CpuMicrosecondsPerOp, 3),
            threshold,
            AtLeast: false);
    }
}

/// <param name="Floor">The raw SDK calls for the same work; null where the target compares the app with itself.</param>
/// <param name="Reference">The app's own comparison run (purge-flat: the same purge among the small live set).</param>
/// <param name="FloorReference">The floor's run beside <paramref name="Reference"/>, to tell the app's growth from the emulator's.</param>
/// <param name="CostTargets">
/// Targets on the app's per-operation cost: CPU time against the floor's, or JIT compilations; empty where the
/// scenario has none.
/// </param>
internal sealed record ScenarioResult(
    string Scenario,
    int Operations,
    PathStats App,
    PathStats? Floor,
    PathStats? Reference,
    Target Target,
    string Notes,
    PathStats? FloorReference = null,
    IReadOnlyList<Target>? CostTargets = null)
{
    /// <summary>The app's CPU time per operation over the floor's; null where there is no floor.</summary>
    public double? CpuRatio => Floor is { CpuMicrosecondsPerOp: > 0 } floor
        ? Math.Round(App.CpuMicrosecondsPerOp / floor.CpuMicrosecondsPerOp, 3)
        : null;
}

internal sealed record MachineInfo(
    int LogicalCores,
    string CpuModel,
    string Memory,
    string OperatingSystem,
    string DotNet,
    string Azurite,
    string Node);

internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    double TotalSeconds,
    MachineInfo Machine,
    BenchOptions Options,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Json) ?? throw new JsonException("The report is empty.");
}
