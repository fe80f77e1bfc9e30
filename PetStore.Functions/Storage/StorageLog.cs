using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Storage;

/// <summary>Storage log events: ids 4000-4099.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(4000, LogLevel.Warning, "{Service} failed to {Operation}: status {Status}, error code {ErrorCode}")]
    public static partial void Failed(ILogger logger, string service, string operation, int status, string? errorCode, Exception exception);
}
