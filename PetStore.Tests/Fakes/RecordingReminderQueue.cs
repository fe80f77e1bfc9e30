using System.Collections.Concurrent;
using PetStore.Functions.Reminders;

namespace PetStore.Tests.Fakes;

internal sealed class RecordingReminderQueue : IReminderQueue
{
    public ConcurrentQueue<ReminderMessage> Sent { get; } = new();

    public ConcurrentQueue<string> Poisoned { get; } = new();

    /// <summary>Runs before every call (operations "Send", "Poison"): throw to inject a fault.</summary>
    public Action<PortCall>? BeforeCall { get; set; }

    public Task SendAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Send", message.PetId));
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Poison", null));
        Poisoned.Enqueue(rawMessage);
        return Task.CompletedTask;
    }
}
