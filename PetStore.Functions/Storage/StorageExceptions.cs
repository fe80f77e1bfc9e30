namespace PetStore.Functions.Storage;

/// <summary>The pet was changed or removed by someone else since it was read (HTTP 412 from storage).</summary>
internal sealed class PetChangedException(string petId, Exception? innerException = null)
    : Exception($"Pet '{petId}' was changed since it was read.", innerException)
{
    public string PetId { get; } = petId;
}

/// <summary>A pet with this id already exists (HTTP 409 from storage).</summary>
internal sealed class PetAlreadyExistsException(string petId, Exception? innerException = null)
    : Exception($"Pet '{petId}' already exists.", innerException)
{
    public string PetId { get; } = petId;
}

/// <summary>A list continuation token that the store did not issue or can no longer resume from.</summary>
internal sealed class InvalidContinuationTokenException(Exception? innerException = null)
    : Exception("The continuation token is not valid.", innerException);

/// <summary>
/// Storage could not be reached or failed in a way worth retrying later (timeouts, 5xx, throttling).
/// HTTP callers get a 503; background jobs let it escape so the Functions host retries them.
/// </summary>
internal sealed class StorageUnavailableException(string message, Exception innerException)
    : Exception(message, innerException);
