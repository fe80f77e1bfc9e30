using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;

namespace PetStore.Tests.Fakes;

/// <summary>
/// A fake of our storage seam with the behaviour the app relies on: ETags that change on every write,
/// conditional writes that fail when stale, and a purge index. Hooks let a test inject faults and races.
/// </summary>
internal sealed class InMemoryPetStore : IPetStore
{
    private readonly ConcurrentDictionary<string, StoredPet> _pets = new();
    private readonly ConcurrentDictionary<(string PetId, DateTimeOffset PurgeAt), PurgeEntry> _purgeIndex = new();
    private int _version;

    /// <summary>Runs before every conditional replace, e.g. to simulate a concurrent writer.</summary>
    public Action<Pet>? BeforeReplace { get; set; }

    public Exception? FailAdd { get; set; }

    public Exception? FailSavePurgeEntry { get; set; }

    public int Reads { get; private set; }

    public int Replaces { get; private set; }

    public IReadOnlyCollection<PurgeEntry> PurgeIndex => _purgeIndex.Values.ToList();

    public StoredPet? this[string id] => _pets.TryGetValue(id, out var stored) ? stored : null;

    /// <summary>Stores a pet directly, as if an earlier request had.</summary>
    public StoredPet Seed(Pet pet) => _pets[pet.Id] = new StoredPet(pet, NextETag());

    /// <summary>Changes a pet behind the app's back, as another request would.</summary>
    public StoredPet Overwrite(Pet pet) => _pets[pet.Id] = new StoredPet(pet, NextETag());

    public Task<StoredPet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(this[id]);
    }

    public Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken)
    {
        if (FailAdd is { } failure)
        {
            throw failure;
        }

        var stored = new StoredPet(pet, NextETag());
        return _pets.TryAdd(pet.Id, stored) ? Task.FromResult(stored) : throw new PetAlreadyExistsException(pet.Id);
    }

    public Task<StoredPet> ReplaceAsync(Pet pet, string eTag, CancellationToken cancellationToken)
    {
        BeforeReplace?.Invoke(pet);
        Replaces++;
        lock (_pets)
        {
            if (!_pets.TryGetValue(pet.Id, out var current) || current.ETag != eTag)
            {
                throw new PetChangedException(pet.Id);
            }

            return Task.FromResult(_pets[pet.Id] = new StoredPet(pet, NextETag()));
        }
    }

    public Task RemoveAsync(string id, string eTag, CancellationToken cancellationToken)
    {
        lock (_pets)
        {
            if (_pets.TryGetValue(id, out var current) && current.ETag != eTag && eTag != "*")
            {
                throw new PetChangedException(id);
            }

            _pets.TryRemove(id, out _);
        }

        return Task.CompletedTask;
    }

    public Task<PetPage> ListAsync(PetListQuery query, CancellationToken cancellationToken)
    {
        var matching = _pets.Values
            .Where(p => query.Species is null || p.Pet.Species == query.Species)
            .Where(p => query.Status is { } status ? p.Pet.Status == status : query.IncludeDeleted || !p.Pet.IsDeleted)
            .OrderBy(p => p.Pet.Id, StringComparer.Ordinal)
            .ToList();
        var start = query.ContinuationToken is null ? 0 : int.TryParse(query.ContinuationToken, out var s) ? s : throw new InvalidContinuationTokenException();
        var page = matching.Skip(start).Take(query.PageSize).ToList();
        var next = start + page.Count < matching.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new PetPage(page, next));
    }

    public Task SavePurgeEntryAsync(PurgeEntry entry, CancellationToken cancellationToken)
    {
        if (FailSavePurgeEntry is { } failure)
        {
            throw failure;
        }

        _purgeIndex[(entry.PetId, entry.PurgeAt)] = entry;
        return Task.CompletedTask;
    }

    public Task RemovePurgeEntriesAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            _purgeIndex.TryRemove((entry.PetId, entry.PurgeAt), out _);
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDuePurgeEntriesAsync(
        DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var due = _purgeIndex.Values.Where(e => e.PurgeAt <= now).OrderBy(e => e.PurgeAt).ToList();
        foreach (var page in due.Chunk(3))
        {
            yield return page;
        }
    }

    private string NextETag() => $"W/\"v{Interlocked.Increment(ref _version)}\"";
}
