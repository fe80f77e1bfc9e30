namespace PetStore.Functions.Purge;

/// <summary>
/// The purge index: which soft-deleted pets fall due for purging when. The port <see cref="SoftDeletion"/> uses,
/// implemented in <c>Storage/</c>. Every method may also throw <see cref="DependencyUnavailableException"/>.
/// </summary>
public interface IPurgeIndex
{
    /// <summary>Adds or replaces the entry for this pet and due time (idempotent).</summary>
    Task SaveAsync(PurgeEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes entries; entries that are already gone are fine.</summary>
    Task RemoveAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken);

    /// <summary>The entries due at <paramref name="now"/> (UTC), in pages; reads nothing that is not due.</summary>
    IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
