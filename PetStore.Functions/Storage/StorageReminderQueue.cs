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
    private readonly ILogger<StorageReminderQueue> _logger;
    private readonly InitializeOnce _queues;

    public StorageReminderQueue(QueueClient queue, QueueClient poison, ILogger<StorageReminderQueue> logger)
    {
        _queue = queue;
        _poison = poison;
        _logger = logger;
        _queues = new InitializeOnce(async ct =>
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await _poison.CreateIfNotExistsAsync(cancellationToken: ct);
        });
    }

    public Task SendAsync(ReminderMessage message, CancellationToken cancellationToken) =>
        SendAsync(_queue, message.ToJson(), "send a reminder message", cancellationToken);

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken) =>
        SendAsync(_poison, rawMessage, "park a poison message", cancellationToken);

    private async Task SendAsync(QueueClient queue, string body, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await _queues.EnsureAsync(cancellationToken);
            await queue.SendMessageAsync(body, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            var status = StorageFaults.Status(ex);
            StorageLog.QueueFailed(_logger, operation, status, StorageFaults.ErrorCode(ex), ex);
            throw new StorageUnavailableException($"The queue failed to {operation} (status {status}).", ex);
        }
    }
}
