namespace PetStore.Functions.Purge;

/// <summary>The purge run's settings, bound from <c>Purge</c> (app settings <c>Purge__...</c>).</summary>
public sealed class PurgeOptions
{
    public const string Section = "Purge";

    /// <summary>How many pets one purge run deletes at the same time (1-256).</summary>
    public int MaxConcurrency { get; set; } = 16;
}
