using System.Text.Json.Serialization;

namespace PetStore.Functions.Pets;

/// <summary>A pet on the wire. Times are UTC (serialised with a Z); fields that are not set are omitted.</summary>
public sealed record PetResponse(
    string Id,
    string Name,
    string Species,
    int AgeMonths,
    string Status,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Notes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? NextFeedingAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? DeletedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? PurgeAt)
{
    public static PetResponse From(Pet pet) => new(
        pet.Id,
        pet.Name,
        pet.Species.ToName(),
        pet.AgeMonths,
        pet.Status.ToName(),
        pet.CreatedAt.UtcDateTime,
        pet.UpdatedAt.UtcDateTime,
        pet.Notes,
        pet.NextFeedingAt?.UtcDateTime,
        pet.DeletedAt?.UtcDateTime,
        pet.PurgeAt?.UtcDateTime);
}

/// <summary>A page of pets in the Azure REST convention: follow <see cref="NextLink"/> until it is absent.</summary>
public sealed record PetListResponse(
    IReadOnlyList<PetResponse> Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextLink);

/// <summary>The answer to a soft delete: when the pet will be gone for good unless restored.</summary>
public sealed record DeletePetResponse(string Message, string PetId, DateTime PurgeAt);
