using PetStore.Functions.Pets;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Storage;

/// <summary>
/// The storage seam: everything the app stores goes through here, so the functions can be tested against a fake
/// and only <see cref="TablePetStore"/> knows Azure Tables. Faults surface as the exceptions in
/// <c>StorageExceptions.cs</c>, never as SDK exceptions.
/// </summary>
internal interface IPetStore
{
    /// <returns>The pet, or null when no pet has that id.</returns>
    Task<StoredPet?> FindAsync(string id, CancellationToken cancellationToken);

    /// <exception cref="PetAlreadyExistsException">A pet with that id exists.</exception>
    Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken);

    /// <summary>Replaces the pet only if it is still at <paramref name="eTag"/>.</summary>
    /// <exception cref="PetChangedException">The pet changed or was removed since it was read.</exception>
    Task<StoredPet> ReplaceAsync(Pet pet, string eTag, CancellationToken cancellationToken);

    /// <summary>Removes the pet for good if it is still at <paramref name="eTag"/>; a pet that is already gone is fine.</summary>
    /// <exception cref="PetChangedException">The pet changed since it was read.</exception>
    Task RemoveAsync(string id, string eTag, CancellationToken cancellationToken);

    /// <exception cref="InvalidContinuationTokenException">The continuation token was not one this store issued.</exception>
    Task<PetPage> ListAsync(PetListQuery query, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the purge index entry for this pet and due time.</summary>
    Task SavePurgeEntryAsync(PurgeEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes purge index entries; entries that are already gone are fine.</summary>
    Task RemovePurgeEntriesAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken);

    /// <summary>The purge index entries due at <paramref name="now"/>, in pages; reads nothing that is not due.</summary>
    IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDuePurgeEntriesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

internal sealed record PetListQuery(
    Species? Species,
    PetStatus? Status,
    bool IncludeDeleted,
    int PageSize,
    string? ContinuationToken);

internal sealed record PetPage(IReadOnlyList<StoredPet> Pets, string? ContinuationToken);
