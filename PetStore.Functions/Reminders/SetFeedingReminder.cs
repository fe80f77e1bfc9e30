using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;

namespace PetStore.Functions.Reminders;

/// <summary>What the reminder job did with one message.</summary>
public enum ReminderOutcome
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
public sealed class SetFeedingReminder(
    PetUpdater updater,
    IReminderQueue queue,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<SetFeedingReminder> logger)
{
    [Function(nameof(SetFeedingReminder))]
    public Task Run(
        [QueueTrigger(ReminderOptions.QueueNameExpression, Connection = StorageConnection.Name)] string message,
        CancellationToken cancellationToken) => ProcessAsync(message, cancellationToken);

    /// <exception cref="PetChangedException">Every attempt lost a race with other writers; the host retries the message.</exception>
    /// <exception cref="DependencyUnavailableException">Storage failed; the host retries the message.</exception>
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
        var now = time.GetUtcNowWholeMilliseconds();
        var outcome = await updater.UpdateAsync(petId, PetPrecondition.None, pet => Decide(pet, now), cancellationToken);
        switch (outcome)
        {
            case PetWriteOutcome.Written { After.Pet.NextFeedingAt: { } nextFeedingAt }:
                RemindersLog.ReminderSet(logger, petId, nextFeedingAt, correlationId);
                return ReminderOutcome.ReminderSet;
            case PetWriteOutcome.Unchanged:
                RemindersLog.AlreadySet(logger, petId, correlationId);
                return ReminderOutcome.AlreadySet;
            case PetWriteOutcome.Refused:
                RemindersLog.PetDeleted(logger, petId, correlationId);
                return ReminderOutcome.PetDeleted;
            case PetWriteOutcome.NotFound:
                RemindersLog.PetGone(logger, petId, correlationId);
                return ReminderOutcome.PetGone;
            default:
                // Contended: users kept changing the pet. The host delivers the message again later.
                throw new PetChangedException(petId);
        }
    }

    private PetDecision Decide(Pet pet, DateTimeOffset now)
    {
        if (pet.IsDeleted)
        {
            return new PetDecision.Refuse(PetRefusal.IsDeleted);
        }

        if (pet.NextFeedingAt is not null)
        {
            return new PetDecision.Keep();
        }

        var nextFeedingAt = now + options.Value.FeedingInterval;
        return new PetDecision.Write(pet with
        {
            Notes = $"Welcome, {pet.Name}! First feeding is due at {nextFeedingAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
            NextFeedingAt = nextFeedingAt,
            UpdatedAt = now,
        });
    }
}
