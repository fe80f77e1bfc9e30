using PetStore.Functions.Pets;

namespace PetStore.Functions.Reminders;

/// <summary>When a write asks for a feeding reminder, and how.</summary>
public static class ReminderRequests
{
    /// <summary>
    /// How long a reminder request sent just before a restore stays invisible. It is sent before the restore is
    /// written, so that a queue outage fails the restore instead of leaving the pet without a reminder; if the job
    /// saw it at once it would still find the pet deleted and drop it. Ten seconds covers the write and the storage
    /// client's retries (at most three, two seconds apart at most).
    /// </summary>
    public static readonly TimeSpan AfterRestore = TimeSpan.FromSeconds(10);

    /// <summary>Whether a write that leaves <paramref name="pet"/> as it is must ask for its reminder: it is live and has none.</summary>
    public static bool IsNeededFor(Pet pet)
    {
        ArgumentNullException.ThrowIfNull(pet);
        return pet is { IsDeleted: false, NextFeedingAt: null };
    }
}
