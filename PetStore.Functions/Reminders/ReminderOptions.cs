namespace PetStore.Functions.Reminders;

/// <summary>The reminder job's settings, bound from <c>Reminders</c> (app settings <c>Reminders__...</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>
    /// The queue trigger's binding expression for <see cref="QueueName"/>: the Functions host resolves it from the
    /// app setting <c>Reminders__QueueName</c>, which must therefore be set wherever the host runs.
    /// </summary>
    public const string QueueNameExpression = "%Reminders:QueueName%";

    /// <summary>The default queue name; the poison queue is this name + <see cref="PoisonSuffix"/>.</summary>
    public const string DefaultQueueName = "pet-reminders";

    /// <summary>The Functions host's naming rule for a queue's poison queue.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Time from the reminder job's run to the pet's first feeding. Default one day.</summary>
    public TimeSpan FeedingInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The Storage queue the pet API sends reminder requests to and the job listens on (3-63 lower-case letters,
    /// digits and single dashes: Azure's queue naming rule, leaving room for <see cref="PoisonSuffix"/>).
    /// </summary>
    public string QueueName { get; set; } = DefaultQueueName;

    public string PoisonQueueName => QueueName + PoisonSuffix;
}
