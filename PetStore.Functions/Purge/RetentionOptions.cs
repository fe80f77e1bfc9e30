namespace PetStore.Functions.Purge;

/// <summary>How long a soft-deleted pet stays restorable. Bound from <c>Pets:RetentionPeriod</c> (app setting <c>Pets__RetentionPeriod</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section, named for what callers see: a pet's retention.</summary>
    public const string Section = "Pets";

    /// <summary>From the soft delete to the pet's purge time. Default 30 days.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);
}
