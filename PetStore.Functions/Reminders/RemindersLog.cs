using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Reminders;

/// <summary>Reminder job log events: ids 2000-2099. Every event names the pet and the correlation id.</summary>
internal static partial class RemindersLog
{
    [LoggerMessage(2000, LogLevel.Information, "Set the feeding reminder of pet {PetId} for {NextFeedingAt:o} (correlation {CorrelationId})")]
    public static partial void ReminderSet(ILogger logger, string petId, DateTimeOffset nextFeedingAt, string correlationId);

    [LoggerMessage(2001, LogLevel.Information, "Pet {PetId} already has its feeding reminder; message ignored (correlation {CorrelationId})")]
    public static partial void AlreadySet(ILogger logger, string petId, string correlationId);

    [LoggerMessage(2002, LogLevel.Warning, "Pet {PetId} no longer exists; reminder message dropped (correlation {CorrelationId})")]
    public static partial void PetGone(ILogger logger, string petId, string correlationId);

    [LoggerMessage(2003, LogLevel.Warning, "Pet {PetId} is deleted; reminder message dropped (correlation {CorrelationId})")]
    public static partial void PetDeleted(ILogger logger, string petId, string correlationId);

    [LoggerMessage(2005, LogLevel.Error, "Reminder message cannot be read ({Reason}); moved to the poison queue (pet unknown, correlation unknown)")]
    public static partial void Unreadable(ILogger logger, string reason);
}
