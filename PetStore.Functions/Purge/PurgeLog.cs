using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Purge;

/// <summary>Purge job log events: ids 3000-3099. Per-pet events name the pet and the delete request's correlation id.</summary>
internal static partial class PurgeLog
{
    [LoggerMessage(3000, LogLevel.Information, "Purged pet {PetId}, due at {PurgeAt:o} (correlation {CorrelationId})")]
    public static partial void Purged(ILogger logger, string petId, DateTimeOffset purgeAt, string correlationId);

    [LoggerMessage(3001, LogLevel.Information, "Pet {PetId} was already gone; purge index entry discarded (correlation {CorrelationId})")]
    public static partial void AlreadyGone(ILogger logger, string petId, string correlationId);

    [LoggerMessage(3002, LogLevel.Information, "Pet {PetId} was restored or deleted again since this entry was written; purge index entry discarded (correlation {CorrelationId})")]
    public static partial void Stale(ILogger logger, string petId, string correlationId);

    [LoggerMessage(3003, LogLevel.Warning, "Pet {PetId} changed while it was being purged; left for the next run (correlation {CorrelationId})")]
    public static partial void ChangedDuringPurge(ILogger logger, string petId, string correlationId);

    [LoggerMessage(3004, LogLevel.Information, "Purge run completed: {Purged} purged, {Discarded} stale entries discarded, {Kept} left for the next run")]
    public static partial void RunCompleted(ILogger logger, int purged, int discarded, int kept);

    [LoggerMessage(3005, LogLevel.Information, "Soft-deleted pet {PetId} until {PurgeAt:o} (correlation {CorrelationId})")]
    public static partial void SoftDeleted(ILogger logger, string petId, DateTimeOffset purgeAt, string correlationId);

    [LoggerMessage(3006, LogLevel.Warning, "Could not record the ETag of soft-deleted pet {PetId} in the purge index (correlation {CorrelationId}); the purge job will read the pet instead")]
    public static partial void ETagNotRecorded(ILogger logger, string petId, string correlationId, Exception exception);

    [LoggerMessage(3007, LogLevel.Information, "Restored pet {PetId} (correlation {CorrelationId})")]
    public static partial void Restored(ILogger logger, string petId, string correlationId);

    [LoggerMessage(3008, LogLevel.Warning, "Could not remove the purge index entry of restored pet {PetId} (correlation {CorrelationId}); the purge job will discard it")]
    public static partial void EntryNotRemoved(ILogger logger, string petId, string correlationId, Exception exception);
}
