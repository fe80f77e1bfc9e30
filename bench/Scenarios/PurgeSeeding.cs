using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;

namespace PetStore.Bench.Scenarios;

/// <summary>A soft-deleted pet as the floor knows it: the pet's ETag and its purge index row.</summary>
internal sealed record FloorDeletedPet(string Id, string ETag, PurgeEntryEntity Entry);

/// <summary>Pets for the purge scenarios, written through the app's storage seam so rows and index entries are the app's own.</summary>
internal static class PurgeSeeding
{
    private const int MaxBatchSize = 100;

    /// <returns>The pets' ids.</returns>
    public static async Task<string[]> AddLiveAsync(AppUnderTest app, int count, CancellationToken cancellationToken)
    {
        var now = app.Time.GetUtcNowWholeMilliseconds();
        var ids = new string[count];
        await BenchContext.SeedAsync(count, (i, ct) =>
        {
            var pet = NewPet(app, i, now);
            ids[i] = pet.Id;
            return app.Store.AddAsync(pet, ct);
        }, cancellationToken);
        return ids;
    }

    /// <summary>
    /// Soft-deletes <paramref name="count"/> pets for each path, as DeletePet leaves them: the pet marked deleted with
    /// its due time, and a purge index entry that records the deleted pet's ETag. The app's entries go to its own
    /// index, the floor's to the floor's. App and floor pets are written alternately, so neither sits in a
    /// cheaper place in the emulator's storage.
    /// </summary>
    /// <returns>The floor's pets.</returns>
    public static async Task<FloorDeletedPet[]> AddDeletedAsync(AppUnderTest app, int count, CancellationToken cancellationToken)
    {
        await app.FloorPurgeIndex.CreateIfNotExistsAsync(cancellationToken);
        var now = app.Time.GetUtcNowWholeMilliseconds();
        var purgeAt = now + app.RetentionPeriod;
        var floor = new FloorDeletedPet[count];
        await BenchContext.SeedAsync(2 * count, async (i, ct) =>
        {
            var pet = NewPet(app, i, now).SoftDelete(now, purgeAt);
            var stored = await app.Store.AddAsync(pet, ct);
            var entry = new PurgeEntry(pet.Id, purgeAt, "bench", stored.ETag);
            if (i % 2 == 0)
            {
                await app.PurgeIndex.SaveAsync(entry, ct);
            }
            else
            {
                var entity = PurgeEntryEntity.FromEntry(entry);
                await app.FloorPurgeIndex.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
                floor[i / 2] = new FloorDeletedPet(pet.Id, stored.ETag, entity);
            }
        }, cancellationToken);
        return floor;
    }

    /// <summary>Moves the app's clock just past the retention period, so everything deleted so far is due.</summary>
    public static void PassRetention(AppUnderTest app) => app.Time.Advance(app.RetentionPeriod + TimeSpan.FromMinutes(1));

    public static async Task<Measured> PurgeAsync(AppUnderTest app, int expected, CancellationToken cancellationToken)
    {
        PurgeReport? report = null;
        var run = await Load.MeasureAsync(async () => report = await app.Service<SoftDeletion>().PurgeDueAsync(cancellationToken));
        return report is { Discarded: 0, Kept: 0 } && report.Purged == expected
            ? run
            : throw new BenchmarkFailedException($"The purge reported {report} where {expected} pets were due.");
    }

    /// <summary>
    /// The storage floor of a purge: delete the same kind and number of entities the fastest raw way. Each pet is its
    /// own partition, so pets can only go one request each, <paramref name="concurrency"/> at a time; the index rows
    /// share a partition per day, so they go in batches of 100, also <paramref name="concurrency"/> at a time.
    /// </summary>
    public static async Task FloorDeleteAsync(
        AppUnderTest app, FloorDeletedPet[] pets, int concurrency, Timings timings, CancellationToken cancellationToken)
    {
        IReadOnlyList<double> latencies = [];
        var batches = pets.Select(p => p.Entry).GroupBy(e => e.PartitionKey).SelectMany(day => day.Chunk(MaxBatchSize)).ToArray();
        var run = await Load.MeasureAsync(async () =>
        {
            latencies = (await Load.RunAsync(
                pets.Length,
                concurrency,
                (i, ct) => app.FloorPets.DeleteEntityAsync(pets[i].Id, "pet", new ETag(pets[i].ETag), ct),
                cancellationToken)).LatenciesMs;
            await Load.RunAsync(
                batches.Length,
                concurrency,
                (i, ct) => app.FloorPurgeIndex.SubmitTransactionAsync(
                    batches[i].Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct),
                cancellationToken);
        });
        timings.Add(pets.Length, run with { LatenciesMs = latencies });
    }

    private static Pet NewPet(AppUnderTest app, int i, DateTimeOffset now) =>
        new(PetIds.New(app.Time), string.Create(CultureInfo.InvariantCulture, $"Pet {i}"), Species.Dog, 12, PetStatus.Available, now, now);
}
