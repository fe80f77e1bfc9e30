namespace PetStore.Functions.Purge;

internal sealed class PurgeOptions
{
    public const string Section = "Purge";

    /// <summary>How many pets one purge run deletes at the same time.</summary>
    public int MaxConcurrency { get; set; } = 16;
}
