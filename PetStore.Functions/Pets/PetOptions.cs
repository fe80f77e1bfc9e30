namespace PetStore.Functions.Pets;

internal sealed class PetOptions
{
    public const string Section = "Pets";

    /// <summary>How long a soft-deleted pet can still be restored before the purge job removes it.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);
}
