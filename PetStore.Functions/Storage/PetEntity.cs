using Azure;
using Azure.Data.Tables;
using PetStore.Functions.Pets;

namespace PetStore.Functions.Storage;

/// <summary>
/// A pet row. Each pet is its own partition (PartitionKey = id), so point reads and writes spread across the
/// account and never contend; listing is a filtered scan that the list API pages through.
/// </summary>
internal sealed class PetEntity : ITableEntity
{
    public const string PetRowKey = "pet";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = PetRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = "";

    public string Species { get; set; } = "";

    public int AgeMonths { get; set; }

    public string Status { get; set; } = "";

    public string? StatusBeforeDelete { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset? NextFeedingAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public DateTimeOffset? PurgeAt { get; set; }

    public static PetEntity FromPet(Pet pet) => new()
    {
        PartitionKey = pet.Id,
        Name = pet.Name,
        Species = pet.Species.ToName(),
        AgeMonths = pet.AgeMonths,
        Status = pet.Status.ToName(),
        StatusBeforeDelete = pet.StatusBeforeDelete?.ToName(),
        CreatedAt = pet.CreatedAt,
        UpdatedAt = pet.UpdatedAt,
        Notes = pet.Notes,
        NextFeedingAt = pet.NextFeedingAt,
        DeletedAt = pet.DeletedAt,
        PurgeAt = pet.PurgeAt,
    };

    public Pet ToPet()
    {
        // Rows are only written by FromPet, so an unknown name means the row was edited by hand or by a newer
        // version of the app; failing loudly beats guessing.
        if (!PetNames.TryParseSpecies(Species, out var species) || !PetNames.TryParseStatus(Status, out var status))
        {
            throw new InvalidOperationException($"Pet row '{PartitionKey}' has an unknown species or status.");
        }

        PetStatus? before = PetNames.TryParseStatus(StatusBeforeDelete, out var parsed) ? parsed : null;
        return new Pet(PartitionKey, Name, species, AgeMonths, status, CreatedAt, UpdatedAt)
        {
            Notes = Notes,
            NextFeedingAt = NextFeedingAt,
            DeletedAt = DeletedAt,
            PurgeAt = PurgeAt,
            StatusBeforeDelete = before,
        };
    }
}
