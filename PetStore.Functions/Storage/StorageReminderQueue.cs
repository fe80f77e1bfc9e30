using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions.Storage;

/// <summary>
/// Sends reminder messages with Azure Storage Queues. The clients must encode messages as base64, which is what
/// the Functions queue trigger decodes by default (see <see cref="StorageClients"/>).
/// </summary>
internal sealed class StorageReminderQueue : IReminderQueue
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly StorageCalls _calls;

    public StorageReminderQueue(QueueClient queue, QueueClient poison, ILogger<StorageReminderQueue> logger)
    {
        _queue = queue;
        _poison = poison;
        _calls = new StorageCalls(
            "Queue storage",
            async ct =>
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
                await _poison.CreateIfNotExistsAsync(cancellationToken: ct);
            },
            logger);
    }

    /// <remarks>
    /// The send is a producer span, and its trace context goes into the message, because a Storage queue carries
    /// none of its own: that is what lets the job's span join the request's trace.
    /// </remarks>
    public async Task SendAsync(ReminderMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var span = MessagingSpans.StartSend(_queue.Name, message.PetId, message.CorrelationId);
        var (traceParent, traceState) = MessagingSpans.TraceContextOf(span);
        var traced = traceParent is null ? message : message with { TraceParent = traceParent, TraceState = traceState };
        try
        {
            var receipt = await _calls.RunAsync(
                "send a reminder message",
                ct => _queue.SendMessageAsync(traced.ToJson(), visibilityTimeout: visibleAfter > TimeSpan.Zero ? visibleAfter : null, cancellationToken: ct),
                cancellationToken);
            MessagingSpans.Sent(span, receipt.Value.MessageId);
        }
        catch (Exception ex)
        {
            PetStoreTelemetry.Failed(span, ex);
            throw;
        }
    }

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken) =>
        _calls.RunAsync("park a poison message", ct => _poison.SendMessageAsync(rawMessage, ct), cancellationToken);
}
