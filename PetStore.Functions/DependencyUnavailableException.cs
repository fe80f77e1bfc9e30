namespace PetStore.Functions;

/// <summary>
/// A service the app depends on (storage, the queue) could not do what was asked right now: it could not be
/// reached, timed out, failed with a 5xx or throttled, after the client's own retries. Retrying later may succeed.
/// HTTP functions answer 503 with <c>Retry-After</c> (see <c>Http/ProblemMiddleware</c>); background jobs let it
/// escape so the Functions host retries the invocation.
/// </summary>
/// <remarks>
/// Lives outside every feature and adapter so that ports can declare it and the HTTP pipeline can translate it
/// without either knowing which adapter threw it.
/// </remarks>
public sealed class DependencyUnavailableException : Exception
{
    public DependencyUnavailableException()
    {
    }

    public DependencyUnavailableException(string message)
        : base(message)
    {
    }

    public DependencyUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
