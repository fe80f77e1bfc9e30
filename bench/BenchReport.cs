using System.Text.Json;
using System.Text.Json.Serialization;

namespace PetStore.Bench;

/// <summary>One path's numbers: the app's, the floor's, or a reference run of the app.</summary>
/// <param name="P50Ms">Per-operation latency; null where the operation is the whole run (purge).</param>
/// <param name="RunSeconds">The wall time of each measured round.</param>
internal sealed record PathStats(
    string Description,
    int Operations,
    double Seconds,
    double OpsPerSecond,
    double? P50Ms,
    double? P95Ms,
    IReadOnlyList<double> RunSeconds);

/// <param name="Ratio">The number the target is about: app/floor, or for purge-flat time(large)/time(small).</param>
/// <param name="AtLeast">True when the ratio must be at least the threshold, false when at most.</param>
internal sealed record Target(string Description, double Ratio, double Threshold, bool AtLeast)
{
    public bool Met => AtLeast ? Ratio >= Threshold : Ratio <= Threshold;
}

/// <param name="Floor">The raw SDK calls for the same work; null where the target compares the app with itself.</param>
/// <param name="Reference">The app's own comparison run (purge-flat: the same purge among the small live set).</param>
/// <param name="FloorReference">The floor's run beside <paramref name="Reference"/>, to tell the app's growth from the emulator's.</param>
internal sealed record ScenarioResult(
    string Scenario,
    int Operations,
    PathStats App,
    PathStats? Floor,
    PathStats? Reference,
    Target Target,
    string Notes,
    PathStats? FloorReference = null);

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
