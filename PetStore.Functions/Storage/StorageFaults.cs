using Azure;

namespace PetStore.Functions.Storage;

/// <summary>Recognises the ways the Azure SDK reports that storage could not do what was asked.</summary>
internal static class StorageFaults
{
    /// <summary>
    /// True for a service error, for the <see cref="AggregateException"/> the SDK throws once its retries are
    /// spent (connection refused, timeouts), and for a timeout that is not the caller's own cancellation.
    /// </summary>
    public static bool IsFault(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => IsFault(e, cancellationToken)),
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>The HTTP status of the fault, or 0 when no response came back.</summary>
    public static int Status(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Status).LastOrDefault(),
        _ => 0,
    };

    public static string? ErrorCode(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.ErrorCode,
        AggregateException aggregate => aggregate.InnerExceptions.Select(ErrorCode).LastOrDefault(),
        _ => null,
    };
}
