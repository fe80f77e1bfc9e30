using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PetStore.Tests.Fakes;

/// <summary>Keeps every log entry's structured properties, so tests can check what a log line carries.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<IReadOnlyDictionary<string, object?>> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue(state is IEnumerable<KeyValuePair<string, object?>> properties
            ? properties.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>());
}
