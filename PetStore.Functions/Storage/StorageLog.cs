using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Storage;

/// <summary>Storage log events: ids 4000-4099.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(4000, LogLevel.Warning, "Storage failed to {Operation}: status {Status}, error code {ErrorCode}")]
    public static partial void StorageFailed(ILogger logger, string operation, int status, string? errorCode, Exception exception);

    [LoggerMessage(4001, LogLevel.Warning, "Queue failed to {Operation}: status {Status}, error code {ErrorCode}")]
    public static partial void QueueFailed(ILogger logger, string operation, int status, string? errorCode, Exception exception);
}
