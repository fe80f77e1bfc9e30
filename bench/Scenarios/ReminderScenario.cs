using System.Collections.Concurrent;
using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: the SetFeedingReminder queue function on messages that CreatePet really enqueued, taken off the queue
/// and decoded as the host would hand them over. Floor: a raw point read of the pet and a raw ETag-conditional
/// replace that adds the reminder.
/// </summary>
internal static class ReminderScenario
{
    public const string Name = "reminder";

    private const int MaxMessagesPerReceive = 32;

    private const int SeedChunk = 500;

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("reminder");
        var warmUp = BenchContext.WarmUpCount(options.Reminders);
        var perPath = warmUp + options.Reminders;

        // Both paths' pets come from CreatePet, a chunk at a time, so their rows are identical and lie side by side in
        // the emulator; each chunk's messages are then taken off the queue (Azurite slows down as its message
        // collection grows) and the app keeps those of its own pets.
        context.Say($"{Name}: seeding {2 * perPath} pets through CreatePet and taking their messages off the queue");
        var appMessages = new List<string>(perPath);
        var floorPetIds = new string[perPath];
        for (var seeded = 0; seeded < perPath; seeded += SeedChunk)
        {
            var chunk = Math.Min(SeedChunk, perPath - seeded);
            var first = seeded;
            var appPetIds = new string[chunk];
            await BenchContext.SeedAsync(chunk, async (i, ct) => appPetIds[i] = await CreateAsync(app, ct), cancellationToken);
            await BenchContext.SeedAsync(chunk, async (i, ct) => floorPetIds[first + i] = await CreateAsync(app, ct), cancellationToken);
            var mine = appPetIds.ToHashSet(StringComparer.Ordinal);
            appMessages.AddRange((await ReceiveAllAsync(app, 2 * chunk, cancellationToken))
                .Where(m => ReminderMessage.TryParse(m, out var parsed, out _) && mine.Contains(parsed.PetId)));
        }

        if (appMessages.Count != perPath)
        {
            throw new BenchmarkFailedException($"Found {appMessages.Count} of the {perPath} reminder messages CreatePet should have sent.");
        }

        var interval = TimeSpan.FromDays(1);

        async Task AppRemindAsync(int i, CancellationToken ct)
        {
            var outcome = await app.Function<SetFeedingReminder>().ProcessAsync(appMessages[i], ct);
            if (outcome != ReminderOutcome.ReminderSet)
            {
                throw new BenchmarkFailedException($"SetFeedingReminder answered {outcome} instead of setting the reminder.");
            }
        }

        async Task FloorRemindAsync(int i, CancellationToken ct)
        {
            var pet = (await app.FloorPets.GetEntityAsync<TableEntity>(floorPetIds[i], "pet", cancellationToken: ct)).Value;
            var now = DateTimeOffset.UtcNow;
            var nextFeedingAt = now + interval;
            pet["Notes"] = $"Welcome, {pet["Name"]}! First feeding is due at {nextFeedingAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
            pet["NextFeedingAt"] = nextFeedingAt;
            pet["UpdatedAt"] = now;
            await app.FloorPets.UpdateEntityAsync(pet, pet.ETag, TableUpdateMode.Replace, ct);
        }

        context.Say($"{Name}: warming up ({warmUp} each)");
        await Load.WarmUpAsync(warmUp, options.Concurrency, AppRemindAsync, FloorRemindAsync, cancellationToken);

        context.Say($"{Name}: {options.Reminders} reminders per path, concurrency {options.Concurrency}");
        var (appTimings, floorTimings) = await Load.InterleaveAsync(
            options.Reminders,
            options.Rounds,
            options.Concurrency,
            (i, ct) => AppRemindAsync(warmUp + i, ct),
            (i, ct) => FloorRemindAsync(warmUp + i, ct),
            cancellationToken);

        var appStats = appTimings.ToStats("SetFeedingReminder function on a delivered message: read the pet, ETag-conditional replace");
        var floorStats = floorTimings.ToStats("raw TableClient.GetEntity + UpdateEntity(Replace, ETag)");
        return new ScenarioResult(
            Name,
            options.Reminders,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.80", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.80, AtLeast: true),
            $"concurrency {options.Concurrency}; messages were enqueued by CreatePet and dequeued before timing, as the host delivers them",
            CostTargets: [Target.CpuPerOperation(appStats, floorStats, 1.3)]);
    }

    internal static async Task<string> CreateAsync(AppUnderTest app, CancellationToken cancellationToken)
    {
        var result = await app.Function<CreatePet>().Run(app.Request("POST", "/api/pets", jsonBody: """{"name":"Rex","species":"dog","ageMonths":2}"""), cancellationToken);
        return result.Result is Created<PetResponse> { Value: { } created }
            ? created.Id
            : throw new BenchmarkFailedException($"CreatePet answered {result.Result?.GetType().Name} while seeding.");
    }

    /// <summary>Takes every message off the queue, base64-decoded as the queue trigger hands it to the function.</summary>
    internal static async Task<string[]> ReceiveAllAsync(AppUnderTest app, int count, CancellationToken cancellationToken)
    {
        var received = new ConcurrentBag<string>();
        var emptyReceives = 0;
        await Load.RunAsync(BenchContext.SeedConcurrency, BenchContext.SeedConcurrency, async (_, ct) =>
        {
            while (received.Count < count && Volatile.Read(ref emptyReceives) < 50)
            {
                var batch = (await app.FloorQueue.ReceiveMessagesAsync(MaxMessagesPerReceive, TimeSpan.FromHours(1), ct)).Value;
                if (batch.Length == 0)
                {
                    Interlocked.Increment(ref emptyReceives);
                }

                foreach (var message in batch)
                {
                    // The floor's client decodes base64 already; this is the text the trigger binds to a string.
                    received.Add(Encoding.UTF8.GetString(message.Body.ToArray()));
                }
            }
        }, cancellationToken);

        return received.Count == count
            ? [.. received]
            : throw new BenchmarkFailedException($"Expected {count} reminder messages on the queue, found {received.Count}.");
    }
}
