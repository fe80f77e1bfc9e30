using System.Diagnostics.CodeAnalysis;

namespace PetStore.Functions.Reminders;

/// <summary>
/// The reminder queue: where the pet API asks for feeding reminders and where the reminder job parks messages it
/// can never process. Implemented in <c>Storage/</c>; both methods may throw <see cref="DependencyUnavailableException"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is an Azure Storage queue; 'queue' is the field's term, not a collection type suffix.")]
public interface IReminderQueue
{
    /// <summary>Sends the message to the queue the <see cref="SetFeedingReminder"/> trigger listens on.</summary>
    /// <param name="visibleAfter">How long the message stays invisible to the job (zero: at once; Azure allows up to 7 days).</param>
    Task SendAsync(ReminderMessage message, TimeSpan visibleAfter, CancellationToken cancellationToken);

    /// <summary>Parks a message that can never be processed in the poison queue, as the host would after the last retry.</summary>
    Task SendToPoisonAsync(string rawMessage, CancellationToken cancellationToken);
}
