using System.Collections.Concurrent;
using PetStore.Functions.Reminders;

namespace PetStore.Tests.Fakes;

internal sealed class RecordingReminderQueue : IReminderQueue
{
    public ConcurrentQueue<ReminderMessage> Sent { get; } = new();

    public ConcurrentQueue<string> Poisoned { get; } = new();

    public Exception? FailSend { get; set; }

    public Task SendAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        if (FailSend is { } failure)
        {
            throw failure;
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken)
    {
        Poisoned.Enqueue(rawMessage);
        return Task.CompletedTask;
    }
}
