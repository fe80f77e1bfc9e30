namespace PetStore.Functions.Pets;

internal enum Species
{
    Dog,
    Cat,
    Bird,
    Other,
}

internal enum PetStatus
{
    New,
    Available,
    Pending,
    Adopted,
    Deleted,
}

/// <summary>A pet as the application reasons about it; storage and wire shapes map to and from this.</summary>
internal sealed record Pet(
    string Id,
    string Name,
    Species Species,
    int AgeMonths,
    PetStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string? Notes { get; init; }

    public DateTimeOffset? NextFeedingAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public DateTimeOffset? PurgeAt { get; init; }

    /// <summary>The status to go back to when a soft-deleted pet is restored.</summary>
    public PetStatus? StatusBeforeDelete { get; init; }

    public bool IsDeleted => Status == PetStatus.Deleted;

    public Pet SoftDelete(DateTimeOffset now, DateTimeOffset purgeAt) => this with
    {
        Status = PetStatus.Deleted,
        StatusBeforeDelete = Status,
        DeletedAt = now,
        PurgeAt = purgeAt,
        UpdatedAt = now,
    };

    public Pet Restore(DateTimeOffset now) => this with
    {
        Status = StatusBeforeDelete ?? PetStatus.Available,
        StatusBeforeDelete = null,
        DeletedAt = null,
        PurgeAt = null,
        UpdatedAt = now,
    };
}

/// <summary>A pet together with the ETag of the stored version it was read from.</summary>
internal sealed record StoredPet(Pet Pet, string ETag);

/// <summary>The lower-case names the API and storage use for the enums.</summary>
internal static class PetNames
{
    public static readonly IReadOnlyList<string> SpeciesNames = ["dog", "cat", "bird", "other"];

    public static readonly IReadOnlyList<string> StatusNames = ["new", "available", "pending", "adopted", "deleted"];

    public static string ToName(this Species species) => SpeciesNames[(int)species];

    public static string ToName(this PetStatus status) => StatusNames[(int)status];

    public static bool TryParseSpecies(string? value, out Species species) => TryParse(SpeciesNames, value, out species);

    public static bool TryParseStatus(string? value, out PetStatus status) => TryParse(StatusNames, value, out status);

    private static bool TryParse<TEnum>(IReadOnlyList<string> names, string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                result = (TEnum)Enum.ToObject(typeof(TEnum), i);
                return true;
            }
        }

        result = default;
        return false;
    }
}

/// <summary>Pet ids are time-ordered (UUIDv7) 32-character lower-case hex strings: opaque, URL-safe and sortable.</summary>
internal static class PetId
{
    public const int Length = 32;

    public static string New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>
    /// True only for strings that could have been issued by <see cref="New"/>. Anything else cannot name a pet,
    /// so callers answer 404 without touching storage and never build a query from it.
    /// </summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is not { Length: Length })
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
