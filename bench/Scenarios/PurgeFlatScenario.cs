using System.Globalization;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// The purge's cost must follow the pets due, not the pets kept: the same number of due pets is purged beside a
/// small and a large live set (each in tables of its own), in alternating rounds, and the run times compared.
/// The floor's raw delete of as many pets beside each live set shows how much of any growth is the emulator's.
/// </summary>
internal static class PurgeFlatScenario
{
    public const string Name = "purge-flat";

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var due = options.PurgeFlatDue;
        await using var small = context.NewApp("flatsmall");
        await using var large = context.NewApp("flatlarge");
        context.Say($"{Name}: seeding {options.PurgeLiveSmall} and {options.PurgeLiveLarge} live pets");
        await PurgeSeeding.AddLiveAsync(small, options.PurgeLiveSmall, cancellationToken);
        await PurgeSeeding.AddLiveAsync(large, options.PurgeLiveLarge, cancellationToken);

        // Warm-up: one small purge on each, so JIT and connections are not charged to the first measured run.
        foreach (var app in new[] { small, large })
        {
            var warmUp = BenchContext.WarmUpCount(due);
            var floor = await PurgeSeeding.AddDeletedAsync(app, warmUp, cancellationToken);
            PurgeSeeding.PassRetention(app);
            await PurgeSeeding.PurgeAsync(app, warmUp, cancellationToken);
            await PurgeSeeding.FloorDeleteAsync(app, floor, options.Concurrency, new Timings(), cancellationToken);
        }

        await Load.SettleAsync(cancellationToken);

        var sides = new[] { new Side(small), new Side(large) };
        for (var round = 0; round < options.Rounds; round++)
        {
            context.Say($"{Name}: round {round + 1} of {options.Rounds}: {due} due pets among each live set");
            foreach (var side in sides)
            {
                side.FloorPets = await PurgeSeeding.AddDeletedAsync(side.App, due, cancellationToken);
                PurgeSeeding.PassRetention(side.App);
            }

            foreach (var side in round % 2 == 0 ? sides : sides.Reverse())
            {
                side.AppTimings.Add(due, await PurgeSeeding.PurgeAsync(side.App, due, cancellationToken));
                await PurgeSeeding.FloorDeleteAsync(side.App, side.FloorPets, options.Concurrency, side.FloorTimings, cancellationToken);
            }
        }

        var live = (Small: options.PurgeLiveSmall.ToString("N0", CultureInfo.InvariantCulture), Large: options.PurgeLiveLarge.ToString("N0", CultureInfo.InvariantCulture));
        var appLarge = sides[1].AppTimings.ToStats($"PurgeDeletedPets: {due} due among {live.Large} live pets");
        var appSmall = sides[0].AppTimings.ToStats($"PurgeDeletedPets: {due} due among {live.Small} live pets");
        var floorLarge = sides[1].FloorTimings.ToStats($"raw delete of {due} pets and index rows among {live.Large} live pets");
        var floorSmall = sides[0].FloorTimings.ToStats($"raw delete of {due} pets and index rows among {live.Small} live pets");
        var floorRatio = floorLarge.Seconds / floorSmall.Seconds;
        return new ScenarioResult(
            Name,
            due * options.Rounds,
            appLarge,
            floorLarge,
            appSmall,
            new Target($"time({live.Large} live) / time({live.Small} live) <= 1.2", Math.Round(appLarge.Seconds / appSmall.Seconds, 3), 1.2, AtLeast: false),
            string.Create(
                CultureInfo.InvariantCulture,
                $"{options.Rounds} alternating rounds of {due} due pets, concurrency {options.Concurrency}; the floor's own time({live.Large})/time({live.Small}) is {floorRatio:0.00}"),
            floorSmall);
    }

    private sealed class Side(AppUnderTest app)
    {
        public AppUnderTest App { get; } = app;

        public Timings AppTimings { get; } = new();

        public Timings FloorTimings { get; } = new();

        public FloorDeletedPet[] FloorPets { get; set; } = [];
    }
}
