using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Storage;

/// <summary>
/// The one frame around every storage call of an adapter: create the adapter's tables or queues on first use, run
/// the call, and turn a storage fault into a <see cref="DependencyUnavailableException"/>, logged once here. Exceptions
/// that are not faults (the domain exceptions a call throws for a 404, 409 or 412 it expects) pass through.
/// </summary>
/// <param name="service">Names the service in logs and messages, such as "Table storage".</param>
/// <param name="initialize">Creates what the adapter needs; run once, on first use (see <see cref="InitializeOnce"/>).</param>
internal sealed class StorageCalls(string service, Func<CancellationToken, Task> initialize, ILogger logger)
{
    private readonly InitializeOnce _initialization = new(initialize);

    /// <exception cref="DependencyUnavailableException">Storage failed (after the SDK's own retries).</exception>
    public async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await _initialization.EnsureAsync(cancellationToken);
            return await call(cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            var status = StorageFaults.Status(ex);
            StorageLog.Failed(logger, service, operation, status, StorageFaults.ErrorCode(ex), ex);
            throw new DependencyUnavailableException($"{service} failed to {operation} (status {status}).", ex);
        }
    }

    /// <inheritdoc cref="RunAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public Task RunAsync(string operation, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(
            operation,
            async ct =>
            {
                await call(ct);
                return true;
            },
            cancellationToken);
}
