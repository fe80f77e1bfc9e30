using System.ComponentModel.DataAnnotations;

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

    /// <summary>Time from the reminder job's run to the pet's first feeding: a second to a year. Default one day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Reminders__FeedingInterval (Reminders:FeedingInterval) must be a TimeSpan from {1} to {2}, such as 1.00:00:00.")]
    public TimeSpan FeedingInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The Storage queue the pet API sends reminder requests to and the job listens on: 3-56 lower-case letters,
    /// digits and single dashes, starting and ending with a letter or digit (Azure's queue naming rule, leaving room
    /// for <see cref="PoisonSuffix"/> within its 63 characters).
    /// </summary>
    [RegularExpression("^(?!.*--)[a-z0-9][a-z0-9-]{1,54}[a-z0-9]$",
        ErrorMessage = "Reminders__QueueName (Reminders:QueueName) must be a queue name of 3-56 lower-case letters, digits and single dashes, starting and ending with a letter or digit.")]
    public string QueueName { get; set; } = DefaultQueueName;

    public string PoisonQueueName => QueueName + PoisonSuffix;
}
