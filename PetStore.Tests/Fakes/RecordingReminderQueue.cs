using System.Collections.Concurrent;
using PetStore.Functions.Reminders;

namespace PetStore.Tests.Fakes;

internal sealed class RecordingReminderQueue : IReminderQueue
{
    /// <summary>Every message sent, with how long it stays invisible after it was sent.</summary>
    public ConcurrentQueue<(ReminderMessage Message, TimeSpan VisibleAfter)> SentWithDelay { get; } = new();

    public IReadOnlyList<ReminderMessage> Sent => [.. SentWithDelay.Select(s => s.Message)];

    public ConcurrentQueue<string> Poisoned { get; } = new();

    /// <summary>Runs before every call (operations "Send", "Poison"): throw to inject a fault.</summary>
    public Action<PortCall>? BeforeCall { get; set; }

    public Task SendAsync(ReminderMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Send", message.PetId));
        SentWithDelay.Enqueue((message, visibleAfter));
        return Task.CompletedTask;
    }

    public Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Poison", null));
        Poisoned.Enqueue(rawMessage);
        return Task.CompletedTask;
    }
}
