namespace PetStore.Functions.Reminders;

/// <summary>What the reminder job did with one message.</summary>
public enum ReminderOutcome
{
    ReminderSet,
    AlreadySet,
    PetGone,
    PetDeleted,
    Poisoned,
}

public static class ReminderOutcomes
{
    /// <summary>The value of <c>petstore.reminder.outcome</c>, on the metric and on the job's span alike.</summary>
    public static string ToAttributeValue(this ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.ReminderSet => "set",
        ReminderOutcome.AlreadySet => "already_set",
        ReminderOutcome.PetGone => "pet_gone",
        ReminderOutcome.PetDeleted => "pet_deleted",
        ReminderOutcome.Poisoned => "poisoned",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
