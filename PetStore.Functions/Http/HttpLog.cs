using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Http;

/// <summary>HTTP pipeline log events: ids 5000-5099.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(5000, LogLevel.Error, "Function {FunctionName} failed unexpectedly (invocation {InvocationId})")]
    public static partial void UnhandledException(ILogger logger, string functionName, string invocationId, Exception exception);
}
