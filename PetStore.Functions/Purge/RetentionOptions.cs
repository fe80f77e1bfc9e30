using System.ComponentModel.DataAnnotations;

namespace PetStore.Functions.Purge;

/// <summary>How long a soft-deleted pet stays restorable. Bound from <c>Pets:RetentionPeriod</c> (app setting <c>Pets__RetentionPeriod</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section, named for what callers see: a pet's retention.</summary>
    public const string Section = "Pets";

    /// <summary>
    /// From the soft delete to the pet's purge time: at least a second, at most ten years (a purge time must stay a
    /// representable date, and the purge index is keyed by day). Default 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true,
        ErrorMessage = "Pets__RetentionPeriod (Pets:RetentionPeriod) must be a TimeSpan from {1} to {2}, such as 30.00:00:00.")]
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);
}
