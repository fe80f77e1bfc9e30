namespace PetStore.Functions.Purge;

/// <summary>
/// An entry of the purge index: "pet <see cref="PetId"/> becomes due for purging at <see cref="PurgeAt"/>".
/// It is written before the pet is soft-deleted, so a due pet is never missing from the index; an entry can
/// outlive its reason (restore, crash), which is why the purge job re-checks every entry against the pet.
/// </summary>
/// <param name="PetETag">
/// The ETag of the soft-deleted pet, recorded after the soft delete. A deleted pet cannot change until it is
/// restored, so a delete conditional on this ETag is safe without reading the pet first. Null when the
/// soft delete had not been confirmed yet (then the job reads the pet to decide).
/// </param>
public sealed record PurgeEntry(string PetId, DateTimeOffset PurgeAt, string? CorrelationId, string? PetETag = null);
