using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions.Purge;

/// <summary>What one purge run did: pets purged, stale index entries discarded, and entries left for the next run.</summary>
public sealed record PurgeReport(int Purged, int Discarded, int Kept)
{
    public static PurgeReport None { get; } = new(0, 0, 0);

    public static PurgeReport operator +(PurgeReport left, PurgeReport right) => Add(left, right);

    public static PurgeReport Add(PurgeReport left, PurgeReport right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Purged + right.Purged, left.Discarded + right.Discarded, left.Kept + right.Kept);
    }
}

/// <summary>
/// The soft-delete protocol, in one place: the order of its writes, and the retention period.
/// <list type="bullet">
/// <item>Delete writes the purge index entry first, then marks the pet deleted, then records the deleted pet's ETag
/// in the entry. A crash after the entry leaves an entry the purge discards; the other order could leave a deleted
/// pet that is never purged.</item>
/// <item>Restore asks for the pet's feeding reminder if it never got one, brings the pet back, then removes its entry.
/// An entry left behind no longer matches the pet, and the purge discards it.</item>
/// <item>The purge walks only the due entries, checks each against the pet before deleting anything, and removes an
/// entry only after its pet is gone, so a run that stops halfway leaves work the next run finishes.</item>
/// </list>
/// The steps after the main write are best effort and logged when they fail: the protocol stays correct without them.
/// </summary>
public sealed class SoftDeletion(
    IPetStore pets,
    IPurgeIndex index,
    IReminderQueue reminders,
    PetUpdater updater,
    TimeProvider time,
    IOptions<RetentionOptions> retention,
    IOptions<PurgeOptions> purge,
    PetStoreMetrics metrics,
    ILogger<SoftDeletion> logger)
{
    /// <summary>Soft-deletes the pet until now + the retention period. Deleting a deleted pet changes nothing.</summary>
    /// <returns><see cref="PetWriteOutcome.Written"/> or <see cref="PetWriteOutcome.Unchanged"/> with the deleted pet, else why not.</returns>
    /// <exception cref="DependencyUnavailableException">Storage failed before the pet was marked deleted.</exception>
    public async Task<PetWriteOutcome> DeleteAsync(string id, PetPrecondition precondition, string correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNowWholeMilliseconds();
        var entry = new PurgeEntry(id, now + retention.Value.RetentionPeriod, correlationId);
        var outcome = await updater.UpdateAsync(
            id,
            precondition,
            pet => pet.IsDeleted ? new PetDecision.Keep() : new PetDecision.Write(pet.SoftDelete(now, entry.PurgeAt)),
            beforeWrite: (_, ct) => index.SaveAsync(entry, ct),
            cancellationToken);
        if (outcome is PetWriteOutcome.Written written)
        {
            PurgeLog.SoftDeleted(logger, id, entry.PurgeAt, correlationId);
            await RecordETagAsync(entry with { PetETag = written.After.ETag });
        }

        return outcome;
    }

    /// <summary>
    /// Brings a soft-deleted pet back with the status it had before. A pet that never got its feeding reminder (the
    /// reminder job drops its message while the pet is deleted) has one asked for first, made visible only after
    /// <see cref="ReminderRequests.AfterRestore"/>, once the restore has been written.
    /// </summary>
    /// <returns><see cref="PetWriteOutcome.Written"/> with the restored pet, or <see cref="PetWriteOutcome.Refused"/> when it is not deleted, else why not.</returns>
    /// <exception cref="DependencyUnavailableException">Storage or the queue failed before the pet was restored.</exception>
    public async Task<PetWriteOutcome> RestoreAsync(string id, PetPrecondition precondition, string correlationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNowWholeMilliseconds();
        var outcome = await updater.UpdateAsync(
            id,
            precondition,
            pet => pet.IsDeleted ? new PetDecision.Write(pet.Restore(now)) : new PetDecision.Refuse(PetRefusal.IsNotDeleted),
            beforeWrite: (restored, ct) => ReminderRequests.IsNeededFor(restored)
                ? reminders.SendAsync(new ReminderMessage(id, correlationId, now), ReminderRequests.AfterRestore, ct)
                : Task.CompletedTask,
            cancellationToken);
        if (outcome is PetWriteOutcome.Written { Before.Pet.PurgeAt: { } purgeAt })
        {
            PurgeLog.Restored(logger, id, correlationId);
            await RemoveEntryAsync(new PurgeEntry(id, purgeAt, correlationId));
        }

        return outcome;
    }

    /// <summary>Purges every pet whose purge time is at or before now.</summary>
    /// <exception cref="DependencyUnavailableException">Storage failed; what was purged stays purged, the rest waits for the next run.</exception>
    public async Task<PurgeReport> PurgeDueAsync(CancellationToken cancellationToken)
    {
        using var run = PurgeSpans.StartRun();
        var started = time.GetTimestamp();
        Exception? failure = null;
        try
        {
            var now = time.GetUtcNowWholeMilliseconds();
            var report = PurgeReport.None;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = purge.Value.MaxConcurrency, CancellationToken = cancellationToken };
            await foreach (var due in index.ListDueAsync(now, cancellationToken))
            {
                using var batch = PurgeSpans.StartBatch(due.Count);
                var outcomes = new PurgeOutcome[due.Count];
                await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), parallel, async (i, ct) => outcomes[i] = await PurgeOneAsync(due[i], now, ct));

                await index.RemoveAsync(due.Where((_, i) => outcomes[i] != PurgeOutcome.Kept).ToList(), cancellationToken);
                var page = new PurgeReport(
                    outcomes.Count(o => o == PurgeOutcome.Purged), outcomes.Count(o => o == PurgeOutcome.Discarded), outcomes.Count(o => o == PurgeOutcome.Kept));
                PurgeSpans.Counted(batch, page.Purged, page.Discarded, page.Kept);
                metrics.PurgeBatch(page.Purged, page.Discarded, page.Kept);
                report += page;
            }

            PurgeSpans.Counted(run, report.Purged, report.Discarded, report.Kept);
            PurgeLog.RunCompleted(logger, report.Purged, report.Discarded, report.Kept);
            return report;
        }
        catch (Exception ex)
        {
            failure = ex;
            PetStoreTelemetry.Failed(run, ex);
            throw;
        }
        finally
        {
            metrics.PurgeRun(time.GetElapsedTime(started), failure);
        }
    }

    private async Task<PurgeOutcome> PurgeOneAsync(PurgeEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
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
                await pets.RemoveAsync(entry.PetId, eTag, cancellationToken);
                PurgeLog.Purged(logger, entry.PetId, entry.PurgeAt, correlationId);
                return PurgeOutcome.Purged;
            }
            catch (PetChangedException)
            {
                // Restored (and maybe deleted again) since: decide on the pet as it is now.
            }
        }

        var stored = await pets.FindAsync(entry.PetId, cancellationToken);
        if (stored is null)
        {
            PurgeLog.AlreadyGone(logger, entry.PetId, correlationId);
            return PurgeOutcome.Discarded;
        }

        if (stored.Pet is not { IsDeleted: true, PurgeAt: { } purgeAt } || purgeAt != entry.PurgeAt)
        {
            PurgeLog.Stale(logger, entry.PetId, correlationId);
            return PurgeOutcome.Discarded;
        }

        if (purgeAt > now)
        {
            return PurgeOutcome.Kept;
        }

        try
        {
            await pets.RemoveAsync(entry.PetId, stored.ETag, cancellationToken);
            PurgeLog.Purged(logger, entry.PetId, entry.PurgeAt, correlationId);
            return PurgeOutcome.Purged;
        }
        catch (PetChangedException)
        {
            // Restored while this run looked at it; the next run re-checks the entry.
            PurgeLog.ChangedDuringPurge(logger, entry.PetId, correlationId);
            return PurgeOutcome.Kept;
        }
    }

    /// <summary>
    /// Records the deleted pet's ETag in its index entry so that the purge can delete it without reading it.
    /// Best effort: without the ETag the purge reads the pet first, which is slower but as correct.
    /// </summary>
    private async Task RecordETagAsync(PurgeEntry entry)
    {
        try
        {
            await index.SaveAsync(entry, CancellationToken.None);
        }
        catch (DependencyUnavailableException ex)
        {
            PurgeLog.ETagNotRecorded(logger, entry.PetId, entry.CorrelationId ?? "none", ex);
        }
    }

    /// <summary>Best effort: an entry left behind no longer matches the pet, and the purge discards it.</summary>
    private async Task RemoveEntryAsync(PurgeEntry entry)
    {
        try
        {
            await index.RemoveAsync([entry], CancellationToken.None);
        }
        catch (DependencyUnavailableException ex)
        {
            PurgeLog.EntryNotRemoved(logger, entry.PetId, entry.CorrelationId ?? "none", ex);
        }
    }

    private enum PurgeOutcome
    {
        Purged,
        Discarded,
        Kept,
    }
}
