using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions.Reminders;

/// <summary>
/// Sets a new pet's first feeding reminder. Idempotent: a redelivered message finds the reminder set and changes
/// nothing. Storage faults escape so the host retries the message (and after maxDequeueCount, poisons it).
/// </summary>
public sealed class SetFeedingReminder(
    PetUpdater updater,
    IReminderQueue queue,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    PetStoreMetrics metrics,
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
        // An unreadable message yields no message and an error; the span opens either way, so poisoning is traced too.
        _ = ReminderMessage.TryParse(rawMessage, out var message, out var error);
        using var span = MessagingSpans.StartProcess(
            options.Value.QueueName, message?.TraceParent, message?.TraceState, message?.PetId, message?.CorrelationId);
        try
        {
            var outcome = message is not null
                ? await SetReminderAsync(message, cancellationToken)
                : await PoisonAsync(rawMessage, error ?? "not a reminder message", cancellationToken);
            MessagingSpans.Processed(span, outcome.ToAttributeValue(), message is null ? error : null);
            metrics.ReminderProcessed(outcome.ToAttributeValue());
            return outcome;
        }
        catch (Exception ex)
        {
            PetStoreTelemetry.Failed(span, ex);
            throw;
        }
    }

    private async Task<ReminderOutcome> PoisonAsync(string rawMessage, string error, CancellationToken cancellationToken)
    {
        // Retrying cannot fix a message that does not parse: park it at once instead of five times later.
        RemindersLog.Unreadable(logger, error);
        await queue.SendToPoisonAsync(rawMessage, cancellationToken);
        return ReminderOutcome.Poisoned;
    }

    private async Task<ReminderOutcome> SetReminderAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        var petId = message.PetId;
        var correlationId = message.CorrelationId ?? "none";
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PetId"] = petId, ["CorrelationId"] = correlationId });
        var now = time.GetUtcNowWholeMilliseconds();
        var outcome = await updater.UpdateAsync(petId, PetPrecondition.None, pet => Decide(pet, now), cancellationToken);
        switch (outcome)
        {
            case PetWriteOutcome.Written { After.Pet.NextFeedingAt: { } nextFeedingAt }:
                RemindersLog.ReminderSet(logger, petId, nextFeedingAt, correlationId);
                if (message.EnqueuedAt is { } enqueuedAt)
                {
                    metrics.ReminderDelay(time.GetUtcNow() - enqueuedAt);
                }

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
