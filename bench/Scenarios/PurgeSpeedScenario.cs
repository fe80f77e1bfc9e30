namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: one PurgeDeletedPets run over the due pets (read the due index entries, ETag-conditional delete of each pet,
/// remove the entries in batches). Floor: the fastest raw delete of the same entities, already known by key and
/// ETag: every pet concurrently (each is its own partition, so no batch can hold two) and their index rows in
/// batches of 100, at the same concurrency.
/// </summary>
internal static class PurgeSpeedScenario
{
    public const string Name = "purge-speed";

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var due = options.PurgeDue;
        var rounds = Math.Min(options.Rounds, 2);
        await using var app = context.NewApp("purgespeed");

        var warmUp = BenchContext.WarmUpCount(due);
        context.Say($"{Name}: warming up ({warmUp} each)");
        var warmUpFloor = await PurgeSeeding.AddDeletedAsync(app, warmUp, cancellationToken);
        PurgeSeeding.PassRetention(app);
        await PurgeSeeding.PurgeAsync(app, warmUp, cancellationToken);
        await PurgeSeeding.FloorDeleteAsync(app, warmUpFloor, options.Concurrency, new Timings(), cancellationToken);
        await Load.SettleAsync(cancellationToken);

        var appTimings = new Timings();
        var floorTimings = new Timings();
        for (var round = 0; round < rounds; round++)
        {
            context.Say($"{Name}: round {round + 1} of {rounds}: seeding {due} due pets per path");
            var floorPets = await PurgeSeeding.AddDeletedAsync(app, due, cancellationToken);
            PurgeSeeding.PassRetention(app);
            if (round % 2 == 0)
            {
                appTimings.Add(due, await PurgeSeeding.PurgeAsync(app, due, cancellationToken));
                await PurgeSeeding.FloorDeleteAsync(app, floorPets, options.Concurrency, floorTimings, cancellationToken);
            }
            else
            {
                await PurgeSeeding.FloorDeleteAsync(app, floorPets, options.Concurrency, floorTimings, cancellationToken);
                appTimings.Add(due, await PurgeSeeding.PurgeAsync(app, due, cancellationToken));
            }
        }

        var appStats = appTimings.ToStats($"PurgeDeletedPets: one run over {due} due pets");
        var floorStats = floorTimings.ToStats(
            $"raw delete of {due} pets (DeleteEntity with ETag, {options.Concurrency} at a time) and their index rows (batches of 100, {options.Concurrency} at a time)");
        return new ScenarioResult(
            Name,
            due * rounds,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.70", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.70, AtLeast: true),
            $"{rounds} alternating rounds in the same pets table, concurrency {options.Concurrency}; latencies are the floor's single pet deletes");
    }
}
