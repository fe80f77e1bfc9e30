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

    [LoggerMessage(1004, LogLevel.Information, "Pet {PetId} changed while a change was being written (attempt {Attempt}); deciding again on the new version")]
    public static partial void WriteConflict(ILogger logger, string petId, int attempt);
}
