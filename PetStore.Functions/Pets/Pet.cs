namespace PetStore.Functions.Pets;

public enum Species
{
    Dog,
    Cat,
    Bird,
    Other,
}

public enum PetStatus
{
    New,
    Available,
    Pending,
    Adopted,
    Deleted,
}

/// <summary>A pet as the application reasons about it; storage and wire shapes map to and from this.</summary>
public sealed record Pet(
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
public sealed record StoredPet(Pet Pet, string ETag);
