namespace PetStore.Functions.Pets;

/// <summary>
/// Where pets are kept: the port the pet API, the reminder job and the purge use, implemented in <c>Storage/</c>.
/// Every method may also throw <see cref="DependencyUnavailableException"/> when storage cannot be reached or
/// fails in a way worth retrying later; no SDK exception escapes it.
/// </summary>
public interface IPetStore
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

    /// <summary>One page of the pets matching <paramref name="query"/>, in no particular order.</summary>
    /// <exception cref="InvalidContinuationTokenException">The continuation token was not one this store issued.</exception>
    Task<PetPage> ListAsync(PetQuery query, CancellationToken cancellationToken);
}

/// <summary>Which pets to list, and where to continue.</summary>
/// <param name="PageSize">At most this many pets in the page (1-100, Table Storage's limit is 1,000).</param>
/// <param name="ContinuationToken">An opaque token from an earlier <see cref="PetPage"/>, or null for the first page.</param>
public sealed record PetQuery(
    Species? Species,
    PetStatus? Status,
    bool IncludeDeleted,
    int PageSize,
    string? ContinuationToken);

/// <summary>A page of pets; <see cref="ContinuationToken"/> is null on the last page. A page may be short, even empty, and still not be the last.</summary>
public sealed record PetPage(IReadOnlyList<StoredPet> Pets, string? ContinuationToken);

/// <summary>The pet was changed or removed by someone else since it was read (HTTP 412 from storage).</summary>
public sealed class PetChangedException(string petId, Exception? innerException = null)
    : Exception($"Pet '{petId}' was changed since it was read.", innerException)
{
    public string PetId { get; } = petId;
}

/// <summary>A pet with this id already exists (HTTP 409 from storage).</summary>
public sealed class PetAlreadyExistsException(string petId, Exception? innerException = null)
    : Exception($"Pet '{petId}' already exists.", innerException)
{
    public string PetId { get; } = petId;
}

/// <summary>A list continuation token that the store did not issue or can no longer resume from.</summary>
public sealed class InvalidContinuationTokenException(Exception? innerException = null)
    : Exception("The continuation token is not valid.", innerException);
