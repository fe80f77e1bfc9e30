namespace PetStore.Functions.Pets;

/// <summary>
/// The lower-case names the API and storage use for the enums. The mapping is written out name by name, never
/// derived from an enum's order or its C# names: stored rows and clients depend on these exact strings, so
/// reordering or renaming an enum member must not change them.
/// </summary>
internal static class PetNames
{
    public static IReadOnlyList<string> SpeciesNames { get; } = [.. Enum.GetValues<Species>().Select(ToName)];

    public static IReadOnlyList<string> StatusNames { get; } = [.. Enum.GetValues<PetStatus>().Select(ToName)];

    public static string ToName(this Species species) => species switch
    {
        Species.Dog => "dog",
        Species.Cat => "cat",
        Species.Bird => "bird",
        Species.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(species), species, "Unknown species."),
    };

    public static string ToName(this PetStatus status) => status switch
    {
        PetStatus.New => "new",
        PetStatus.Available => "available",
        PetStatus.Pending => "pending",
        PetStatus.Adopted => "adopted",
        PetStatus.Deleted => "deleted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>Parses a species name exactly as <see cref="ToName(Species)"/> writes it (case-sensitive).</summary>
    public static bool TryParseSpecies(string? value, out Species species)
    {
        (var found, species) = value switch
        {
            "dog" => (true, Species.Dog),
            "cat" => (true, Species.Cat),
            "bird" => (true, Species.Bird),
            "other" => (true, Species.Other),
            _ => (false, default),
        };
        return found;
    }

    /// <summary>Parses a status name exactly as <see cref="ToName(PetStatus)"/> writes it (case-sensitive).</summary>
    public static bool TryParseStatus(string? value, out PetStatus status)
    {
        (var found, status) = value switch
        {
            "new" => (true, PetStatus.New),
            "available" => (true, PetStatus.Available),
            "pending" => (true, PetStatus.Pending),
            "adopted" => (true, PetStatus.Adopted),
            "deleted" => (true, PetStatus.Deleted),
            _ => (false, default),
        };
        return found;
    }
}
