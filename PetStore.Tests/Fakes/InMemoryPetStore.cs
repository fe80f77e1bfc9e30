using System.Collections.Concurrent;
using System.Globalization;
using PetStore.Functions.Pets;

namespace PetStore.Tests.Fakes;

/// <summary>A call the app made on a fake port: what, on which pet, and the pet it wanted written, if any.</summary>
internal sealed record PortCall(string Operation, string? PetId, Pet? Pet = null);

/// <summary>
/// A fake of the pet store port with the behaviour the app relies on: ETags that change on every write and
/// conditional writes that fail when stale. <see cref="BeforeCall"/> lets a test inject faults and races.
/// </summary>
internal sealed class InMemoryPetStore : IPetStore
{
    private readonly ConcurrentDictionary<string, StoredPet> _pets = new();
    private int _version;

    /// <summary>
    /// Runs before every call (operations "Find", "Add", "Replace", "Remove", "List"): throw to inject a fault, or
    /// change the store to simulate a concurrent writer.
    /// </summary>
    public Action<PortCall>? BeforeCall { get; set; }

    public int Reads { get; private set; }

    public int Replaces { get; private set; }

    public StoredPet? this[string id] => _pets.TryGetValue(id, out var stored) ? stored : null;

    public int Count => _pets.Count;

    /// <summary>Every stored pet with its ETag, ordered by id: equal snapshots mean nothing was written.</summary>
    public IReadOnlyList<StoredPet> Snapshot() => [.. _pets.Values.OrderBy(p => p.Pet.Id, StringComparer.Ordinal)];

    /// <summary>Stores a pet directly, as if an earlier request had.</summary>
    public StoredPet Seed(Pet pet) => _pets[pet.Id] = new StoredPet(pet, NextETag());

    /// <summary>Changes a pet behind the app's back, as another request would.</summary>
    public StoredPet Overwrite(Pet pet) => Seed(pet);

    public Task<StoredPet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Find", id));
        Reads++;
        return Task.FromResult(this[id]);
    }

    public Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Add", pet.Id, pet));
        var stored = new StoredPet(pet, NextETag());
        return _pets.TryAdd(pet.Id, stored) ? Task.FromResult(stored) : throw new PetAlreadyExistsException(pet.Id);
    }

    public Task<StoredPet> ReplaceAsync(Pet pet, string eTag, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("Replace", pet.Id, pet));
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
        BeforeCall?.Invoke(new PortCall("Remove", id));
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

    public Task<PetPage> ListAsync(PetQuery query, CancellationToken cancellationToken)
    {
        BeforeCall?.Invoke(new PortCall("List", null));
        var matching = _pets.Values
            .Where(p => query.Species is null || p.Pet.Species == query.Species)
            .Where(p => query.Status is { } status ? p.Pet.Status == status : query.IncludeDeleted || !p.Pet.IsDeleted)
            .OrderBy(p => p.Pet.Id, StringComparer.Ordinal)
            .ToList();
        var start = query.ContinuationToken is null ? 0 : int.TryParse(query.ContinuationToken, CultureInfo.InvariantCulture, out var s) ? s : throw new InvalidContinuationTokenException();
        var page = matching.Skip(start).Take(query.PageSize).ToList();
        var next = start + page.Count < matching.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new PetPage(page, next));
    }

    private string NextETag() => $"W/\"v{Interlocked.Increment(ref _version)}\"";
}
