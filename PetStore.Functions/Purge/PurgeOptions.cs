using System.ComponentModel.DataAnnotations;

namespace PetStore.Functions.Purge;

/// <summary>The purge run's settings, bound from <c>Purge</c> (app settings <c>Purge__...</c>).</summary>
public sealed class PurgeOptions
{
    public const string Section = "Purge";

    /// <summary>How many pets one purge run deletes at the same time (1-256). Default 16.</summary>
    [Range(1, 256, ErrorMessage = "Purge__MaxConcurrency (Purge:MaxConcurrency) must be a whole number from {1} to {2}.")]
    public int MaxConcurrency { get; set; } = 16;
}
