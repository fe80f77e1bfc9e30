using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Purge;

internal sealed record PurgeReport(int Purged, int Discarded, int Kept);

/// <summary>
/// Purges soft-deleted pets whose retention has passed. It walks only the purge index's due entries, so its
/// storage work grows with the pets due, not with the table. Each entry is checked against the pet before
/// anything is deleted, and the entry is removed only after the pet is, so a run that stops halfway leaves
/// work the next run finishes.
/// </summary>
internal sealed class PurgeDeletedPets(
    IPetStore store,
    TimeProvider time,
    IOptions<PurgeOptions> options,
    ILogger<PurgeDeletedPets> logger)
{
    public const string Schedule = "0 0 2 * * *";

    [Function(nameof(PurgeDeletedPets))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await PurgeAsync(cancellationToken);
    }

    public async Task<PurgeReport> PurgeAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var purged = 0;
        var discarded = 0;
        var kept = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = cancellationToken };
        await foreach (var due in store.ListDuePurgeEntriesAsync(now, cancellationToken))
        {
            var done = new PurgeEntry?[due.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), parallel, async (i, ct) =>
            {
                var outcome = await PurgeOneAsync(due[i], now, ct);
                if (outcome != Outcome.Kept)
                {
                    done[i] = due[i];
                }

                switch (outcome)
                {
                    case Outcome.Purged: Interlocked.Increment(ref purged); break;
                    case Outcome.Discarded: Interlocked.Increment(ref discarded); break;
                    default: Interlocked.Increment(ref kept); break;
                }
            });

            await store.RemovePurgeEntriesAsync(done.OfType<PurgeEntry>().ToList(), cancellationToken);
        }

        PurgeLog.RunCompleted(logger, purged, discarded, kept);
        return new PurgeReport(purged, discarded, kept);
    }

    private async Task<Outcome> PurgeOneAsync(PurgeEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var correlationId = entry.CorrelationId ?? "none";

        // Storage faults are logged by the store; the scope puts this pet and its request on those lines too.
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PetId"] = entry.PetId, ["CorrelationId"] = correlationId });
        if (entry.PetETag is { } eTag)
        {
            // A deleted pet cannot change until it is restored, so if it is still at the ETag recorded when it was
            // deleted, it is still deleted with this due time: delete it without reading it.
            try
            {
                await store.RemoveAsync(entry.PetId, eTag, cancellationToken);
                PurgeLog.Purged(logger, entry.PetId, entry.PurgeAt, correlationId);
                return Outcome.Purged;
            }
            catch (PetChangedException)
            {
                // Restored (and maybe deleted again) since: decide on the pet as it is now.
            }
        }

        var stored = await store.FindAsync(entry.PetId, cancellationToken);
        if (stored is null)
        {
            PurgeLog.AlreadyGone(logger, entry.PetId, correlationId);
            return Outcome.Discarded;
        }

        if (stored.Pet is not { IsDeleted: true, PurgeAt: { } purgeAt } || purgeAt != entry.PurgeAt)
        {
            PurgeLog.Stale(logger, entry.PetId, correlationId);
            return Outcome.Discarded;
        }

        if (purgeAt > now)
        {
            return Outcome.Kept;
        }

        try
        {
            await store.RemoveAsync(entry.PetId, stored.ETag, cancellationToken);
            PurgeLog.Purged(logger, entry.PetId, entry.PurgeAt, correlationId);
            return Outcome.Purged;
        }
        catch (PetChangedException)
        {
            // Restored while this run looked at it; the next run re-checks the entry.
            PurgeLog.ChangedDuringPurge(logger, entry.PetId, correlationId);
            return Outcome.Kept;
        }
    }

    private enum Outcome
    {
        Purged,
        Discarded,
        Kept,
    }
}
