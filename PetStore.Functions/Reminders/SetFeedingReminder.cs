using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Reminders;

internal enum ReminderOutcome
{
    ReminderSet,
    AlreadySet,
    PetGone,
    PetDeleted,
    Poisoned,
}

/// <summary>
/// Sets a new pet's first feeding reminder. Idempotent: a redelivered message finds the reminder set and changes
/// nothing. Storage faults escape so the host retries the message (and after maxDequeueCount, poisons it).
/// </summary>
internal sealed class SetFeedingReminder(
    IPetStore store,
    IReminderQueue queue,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<SetFeedingReminder> logger)
{
    private const int MaxAttempts = 5;

    [Function(nameof(SetFeedingReminder))]
    public Task Run(
        [QueueTrigger(ReminderMessage.QueueName, Connection = StorageOptions.ConnectionName)] string message,
        CancellationToken cancellationToken) => ProcessAsync(message, cancellationToken);

    public async Task<ReminderOutcome> ProcessAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (!ReminderMessage.TryParse(rawMessage, out var message, out var error))
        {
            // Retrying cannot fix a message that does not parse: park it at once instead of five times later.
            RemindersLog.Unreadable(logger, error);
            await queue.SendToPoisonAsync(rawMessage, cancellationToken);
            return ReminderOutcome.Poisoned;
        }

        var petId = message.PetId;
        var correlationId = message.CorrelationId ?? "none";
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PetId"] = petId, ["CorrelationId"] = correlationId });
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await store.FindAsync(petId, cancellationToken);
            if (stored is null)
            {
                RemindersLog.PetGone(logger, petId, correlationId);
                return ReminderOutcome.PetGone;
            }

            var pet = stored.Pet;
            if (pet.IsDeleted)
            {
                RemindersLog.PetDeleted(logger, petId, correlationId);
                return ReminderOutcome.PetDeleted;
            }

            if (pet.NextFeedingAt is not null)
            {
                RemindersLog.AlreadySet(logger, petId, correlationId);
                return ReminderOutcome.AlreadySet;
            }

            var now = time.UtcNow();
            var nextFeedingAt = now + options.Value.FeedingInterval;
            var withReminder = pet with
            {
                Notes = $"Welcome, {pet.Name}! First feeding is due at {nextFeedingAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
                NextFeedingAt = nextFeedingAt,
                UpdatedAt = now,
            };
            try
            {
                await store.ReplaceAsync(withReminder, stored.ETag, cancellationToken);
                RemindersLog.ReminderSet(logger, petId, nextFeedingAt, correlationId);
                return ReminderOutcome.ReminderSet;
            }
            catch (PetChangedException)
            {
                // A user changed the pet in between: read their version and add the reminder to it.
                RemindersLog.Conflict(logger, petId, attempt, correlationId);
            }
        }

        throw new PetChangedException(petId);
    }
}
