using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Storage;

/// <summary>Pets and the purge index on Azure Table Storage.</summary>
internal sealed class TablePetStore : IPetStore
{
    /// <summary>Storage's own limit for an entity group transaction.</summary>
    private const int MaxBatchSize = 100;

    private const int DueEntriesPageSize = 1000;

    private readonly TableClient _pets;
    private readonly TableClient _purgeIndex;
    private readonly ILogger<TablePetStore> _logger;
    private readonly InitializeOnce _tables;

    public TablePetStore(TableClient pets, TableClient purgeIndex, ILogger<TablePetStore> logger)
    {
        _pets = pets;
        _purgeIndex = purgeIndex;
        _logger = logger;
        _tables = new InitializeOnce(async ct =>
        {
            await _pets.CreateIfNotExistsAsync(ct);
            await _purgeIndex.CreateIfNotExistsAsync(ct);
        });
    }

    public async Task<StoredPet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            var response = await _pets.GetEntityIfExistsAsync<PetEntity>(id, PetEntity.PetRowKey, cancellationToken: cancellationToken);
            return response.HasValue ? ToStored(response.Value!) : null;
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "read a pet");
        }
    }

    public async Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            var response = await _pets.AddEntityAsync(PetEntity.FromPet(pet), cancellationToken);
            return new StoredPet(pet, response.Headers.ETag.ToString()!);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new PetAlreadyExistsException(pet.Id, ex);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "add a pet");
        }
    }

    public async Task<StoredPet> ReplaceAsync(Pet pet, string eTag, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            var response = await _pets.UpdateEntityAsync(PetEntity.FromPet(pet), new ETag(eTag), TableUpdateMode.Replace, cancellationToken);
            return new StoredPet(pet, response.Headers.ETag.ToString()!);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            throw new PetChangedException(pet.Id, ex);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "update a pet");
        }
    }

    public async Task RemoveAsync(string id, string eTag, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            await _pets.DeleteEntityAsync(id, PetEntity.PetRowKey, new ETag(eTag), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: removing is idempotent.
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            throw new PetChangedException(id, ex);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "remove a pet");
        }
    }

    public async Task<PetPage> ListAsync(PetListQuery query, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var continuation = DecodeContinuationToken(query.ContinuationToken);
        try
        {
            var pages = _pets.QueryAsync<PetEntity>(ListFilter(query), query.PageSize, cancellationToken: cancellationToken)
                .AsPages(continuation, query.PageSize);
            await foreach (var page in pages)
            {
                var pets = page.Values.Select(ToStored).ToList();
                return new PetPage(pets, EncodeContinuationToken(page.ContinuationToken));
            }

            return new PetPage([], null);
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && continuation is not null)
        {
            throw new InvalidContinuationTokenException(ex);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "list pets");
        }
    }

    public async Task SavePurgeEntryAsync(PurgeEntry entry, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        try
        {
            await _purgeIndex.UpsertEntityAsync(PurgeEntryEntity.FromEntry(entry), TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "save a purge index entry");
        }
    }

    public async Task RemovePurgeEntriesAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var batches = entries
            .Select(PurgeEntryEntity.FromEntry)
            .GroupBy(e => e.PartitionKey)
            .SelectMany(day => day.Chunk(MaxBatchSize));
        foreach (var batch in batches)
        {
            try
            {
                await _purgeIndex.SubmitTransactionAsync(
                    batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)),
                    cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // One entry of the batch was already removed (a restore, or an earlier run that crashed), which
                // fails the whole transaction; fall back to one delete each, where "already gone" is fine.
                foreach (var entity in batch)
                {
                    await RemovePurgeEntryAsync(entity, cancellationToken);
                }
            }
            catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
            {
                throw Translate(ex, "remove purge index entries");
            }
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDuePurgeEntriesAsync(
        DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey le {PurgeEntryEntity.DayKey(now)} and RowKey lt {PurgeEntryEntity.FirstRowKeyNotDue(now)}");
        var pages = _purgeIndex.QueryAsync<PurgeEntryEntity>(filter, DueEntriesPageSize, cancellationToken: cancellationToken)
            .AsPages(pageSizeHint: DueEntriesPageSize);
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            Page<PurgeEntryEntity> page;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }

                page = enumerator.Current;
            }
            catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
            {
                throw Translate(ex, "list due purge index entries");
            }

            if (page.Values.Count > 0)
            {
                yield return page.Values.Select(e => e.ToEntry()).ToList();
            }
        }
    }

    private async Task RemovePurgeEntryAsync(PurgeEntryEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _purgeIndex.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "remove a purge index entry");
        }
    }

    private async Task EnsureTablesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _tables.EnsureAsync(cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsFault(ex, cancellationToken))
        {
            throw Translate(ex, "create the tables");
        }
    }

    private static string ListFilter(PetListQuery query)
    {
        List<string> clauses = [];
        if (query.Species is { } species)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Species eq {species.ToName()}"));
        }

        if (query.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToName()}"));
        }
        else if (!query.IncludeDeleted)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status ne {PetStatus.Deleted.ToName()}"));
        }

        return clauses.Count == 0 ? "" : string.Join(" and ", clauses);
    }

    private static StoredPet ToStored(PetEntity entity) => new(entity.ToPet(), entity.ETag.ToString());

    // Storage's continuation token holds the next keys; base64url makes it opaque to clients and safe in a URL.
    private static string? EncodeContinuationToken(string? token) =>
        token is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    private static string? DecodeContinuationToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            // Storage's tokens are "<next partition key> <next row key>"; anything else was not issued here.
            return decoded.Split(' ') is [{ Length: > 0 }, _] ? decoded : throw new InvalidContinuationTokenException();
        }
        catch (FormatException ex)
        {
            throw new InvalidContinuationTokenException(ex);
        }
    }

    private StorageUnavailableException Translate(Exception ex, string operation)
    {
        var status = StorageFaults.Status(ex);
        StorageLog.StorageFailed(_logger, operation, status, StorageFaults.ErrorCode(ex), ex);
        return new StorageUnavailableException($"Storage failed to {operation} (status {status}).", ex);
    }
}
