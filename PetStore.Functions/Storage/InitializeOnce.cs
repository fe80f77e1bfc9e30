namespace PetStore.Functions.Storage;

/// <summary>
/// Runs an async initialisation (creating tables and queues) once, on first use rather than at start-up, so the
/// worker starts even while storage is briefly unreachable; a failed attempt is retried by the next caller.
/// </summary>
internal sealed class InitializeOnce(Func<CancellationToken, Task> initialize)
{
    private readonly Lock _gate = new();
    private Task? _initialization;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _initialization);
        if (current is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                // Not tied to one caller's token: a cancelled request must not fail initialisation for the others.
                _initialization = initialize(CancellationToken.None);
            }

            return _initialization.WaitAsync(cancellationToken);
        }
    }
}
