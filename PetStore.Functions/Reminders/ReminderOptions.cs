namespace PetStore.Functions.Reminders;

internal sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Time from the reminder job's run to the pet's first feeding.</summary>
    public TimeSpan FeedingInterval { get; set; } = TimeSpan.FromHours(24);
}
