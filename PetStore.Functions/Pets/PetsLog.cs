using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Pets;

/// <summary>Pet API log events: ids 1000-1099.</summary>
internal static partial class PetsLog
{
    [LoggerMessage(1000, LogLevel.Information, "Created pet {PetId} (correlation {CorrelationId})")]
    public static partial void Created(ILogger logger, string petId, string correlationId);

    [LoggerMessage(1001, LogLevel.Error, "Could not queue the feeding reminder for pet {PetId} (correlation {CorrelationId}); the pet was removed again")]
    public static partial void ReminderNotQueued(ILogger logger, string petId, string correlationId, Exception exception);

    [LoggerMessage(1002, LogLevel.Critical, "Pet {PetId} (correlation {CorrelationId}) was stored but neither its reminder was queued nor could it be removed; it has no feeding reminder")]
    public static partial void CreateNotUndone(ILogger logger, string petId, string correlationId, Exception exception);

    [LoggerMessage(1003, LogLevel.Information, "Updated pet {PetId} (correlation {CorrelationId})")]
    public static partial void Updated(ILogger logger, string petId, string correlationId);

    [LoggerMessage(1004, LogLevel.Information, "Soft-deleted pet {PetId} until {PurgeAt:o} (correlation {CorrelationId})")]
    public static partial void SoftDeleted(ILogger logger, string petId, DateTimeOffset purgeAt, string correlationId);

    [LoggerMessage(1005, LogLevel.Warning, "Could not record the ETag of soft-deleted pet {PetId} in the purge index (correlation {CorrelationId}); the purge job will read the pet instead")]
    public static partial void PurgeEntryNotConfirmed(ILogger logger, string petId, string correlationId, Exception exception);

    [LoggerMessage(1006, LogLevel.Information, "Restored pet {PetId} (correlation {CorrelationId})")]
    public static partial void Restored(ILogger logger, string petId, string correlationId);

    [LoggerMessage(1007, LogLevel.Warning, "Could not remove the purge index entry of restored pet {PetId} (correlation {CorrelationId}); the purge job will discard it")]
    public static partial void PurgeEntryNotRemoved(ILogger logger, string petId, string correlationId, Exception exception);
}
