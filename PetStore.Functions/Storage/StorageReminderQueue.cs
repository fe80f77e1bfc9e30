using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Reminders;

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

    public Task SendAsync(ReminderMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _calls.RunAsync(
            "send a reminder message",
            ct => _queue.SendMessageAsync(message.ToJson(), visibilityTimeout: visibleAfter > TimeSpan.Zero ? visibleAfter : null, cancellationToken: ct),
            cancellationToken);
    }

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken) =>
        _calls.RunAsync("park a poison message", ct => _poison.SendMessageAsync(rawMessage, ct), cancellationToken);
}
