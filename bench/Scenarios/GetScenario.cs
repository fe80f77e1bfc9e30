using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: the GetPet function on a stored pet (point read, map to the wire shape, write the 200 with its ETag).
/// Floor: a raw point read of the same entity. One storage request each, so what separates them is the app's own
/// per-invocation work: activation, mapping and JSON.
/// </summary>
internal static class GetScenario
{
    public const string Name = "get";

    /// <summary>
    /// Reads change nothing, so the warm-up re-reads the measured pets, and can afford to be long enough for the
    /// tiered JIT to finish with the read path even in quick mode.
    /// </summary>
    public const int MinWarmUp = 500;

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("get");

        // Written through the app's storage seam: the app's own rows, and much faster than CreatePet. Both paths read
        // the same pets, pet i in the same round.
        context.Say($"{Name}: seeding {options.Gets} pets");
        var ids = await PurgeSeeding.AddLiveAsync(app, options.Gets, cancellationToken);

        async Task AppGetAsync(int i, CancellationToken ct)
        {
            var id = ids[i % ids.Length];
            var request = app.Request("GET", $"/api/pets/{id}");
            var result = await app.Function<GetPet>().Run(request, id, ct);
            if (result.Result is not Ok<PetResponse>)
            {
                throw new BenchmarkFailedException($"GetPet answered {result.Result?.GetType().Name} instead of 200.");
            }

            await result.ExecuteAsync(request.HttpContext);
        }

        Task FloorGetAsync(int i, CancellationToken ct) =>
            app.FloorPets.GetEntityAsync<TableEntity>(ids[i % ids.Length], "pet", cancellationToken: ct);

        var warmUp = Math.Max(MinWarmUp, BenchContext.WarmUpCount(options.Gets));
        context.Say($"{Name}: warming up ({warmUp} each)");
        await Load.WarmUpAsync(warmUp, options.Concurrency, AppGetAsync, FloorGetAsync, cancellationToken);

        context.Say($"{Name}: {options.Gets} reads per path, concurrency {options.Concurrency}");
        var (appTimings, floorTimings) = await Load.InterleaveAsync(
            options.Gets,
            options.Rounds,
            options.Concurrency,
            AppGetAsync,
            FloorGetAsync,
            cancellationToken);

        var appStats = appTimings.ToStats("GetPet function: point read, map, write the 200 with its ETag");
        var floorStats = floorTimings.ToStats("raw TableClient.GetEntity<TableEntity> of the same pet");
        return new ScenarioResult(
            Name,
            options.Gets,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.85", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.85, AtLeast: true),
            $"concurrency {options.Concurrency}; both paths read the same {options.Gets} pets, in alternating rounds",
            CostTargets: [Target.CpuPerOperation(appStats, floorStats, 1.3)]);
    }
}
