using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PetStore.Functions.Purge;

namespace PetStore.Tests.Fakes;

/// <summary>A fake of the purge index port, paging due entries three at a time so paging is exercised.</summary>
internal sealed class InMemoryPurgeIndex : IPurgeIndex
{
    private readonly ConcurrentDictionary<(string PetId, DateTimeOffset PurgeAt), PurgeEntry> _entries = new();

    /// <summary>Runs before every call (operations "Save", "Remove", "ListDue"): throw to inject a fault.</summary>
    public Action<PortCall>? BeforeCall { get; set; }

    public IReadOnlyCollection<PurgeEntry> Entries => [.. _entries.Values];

    public Task SaveAsync(PurgeEntry entry, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Save", entry.PetId));
        _entries[(entry.PetId, entry.PurgeAt)] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Remove", null));
        foreach (var entry in entries)
        {
            _entries.TryRemove((entry.PetId, entry.PurgeAt), out _);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDueAsync(
        DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("ListDue", null));
        await Task.Yield();
        var due = _entries.Values.Where(e => e.PurgeAt <= now).OrderBy(e => e.PurgeAt).ToList();
        foreach (var page in due.Chunk(3))
        {
            yield return page;
        }
    }
}
