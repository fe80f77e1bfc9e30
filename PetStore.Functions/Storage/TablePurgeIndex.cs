using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Storage;

/// <summary>The purge index on Azure Table Storage, keyed by due day and due instant (see <see cref="PurgeEntryEntity"/>).</summary>
internal sealed class TablePurgeIndex : IPurgeIndex
{
    /// <summary>Storage's own limit for an entity group transaction.</summary>
    private const int MaxBatchSize = 100;

    /// <summary>Storage's own limit for a query page.</summary>
    private const int DueEntriesPageSize = 1000;

    private readonly TableClient _index;
    private readonly StorageCalls _calls;

    public TablePurgeIndex(TableClient index, ILogger<TablePurgeIndex> logger)
    {
        _index = index;
        _calls = new StorageCalls("Table storage", ct => _index.CreateIfNotExistsAsync(ct), logger);
    }

    public Task SaveAsync(PurgeEntry entry, CancellationToken cancellationToken) =>
        _calls.RunAsync(
            "save a purge index entry",
            ct => _index.UpsertEntityAsync(PurgeEntryEntity.FromEntry(entry), TableUpdateMode.Replace, ct),
            cancellationToken);

    public async Task RemoveAsync(IReadOnlyCollection<PurgeEntry> entries, CancellationToken cancellationToken)
    {
        var batches = entries
            .Select(PurgeEntryEntity.FromEntry)
            .GroupBy(e => e.PartitionKey)
            .SelectMany(day => day.Chunk(MaxBatchSize));
        foreach (var batch in batches)
        {
            await _calls.RunAsync("remove purge index entries", async ct =>
            {
                try
                {
                    await _index.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), ct);
                }
                catch (RequestFailedException ex) when (ex.Status == 404)
                {
                    // One entry of the batch was already removed (a restore, or an earlier run that crashed), which
                    // fails the whole transaction; fall back to one delete each, where "already gone" is fine.
                    foreach (var entity in batch)
                    {
                        await RemoveOneAsync(entity, ct);
                    }
                }
            }, cancellationToken);
        }
    }

    public async IAsyncEnumerable<IReadOnlyList<PurgeEntry>> ListDueAsync(
        DateTimeOffset now,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey le {PurgeEntryEntity.DayKey(now)} and RowKey lt {PurgeEntryEntity.FirstRowKeyNotDue(now)}");
        var pages = _index.QueryAsync<PurgeEntryEntity>(filter, DueEntriesPageSize, cancellationToken: cancellationToken)
            .AsPages(pageSizeHint: DueEntriesPageSize);
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (await _calls.RunAsync("list due purge index entries", async _ => await enumerator.MoveNextAsync(), cancellationToken))
        {
            if (enumerator.Current.Values.Count > 0)
            {
                yield return [.. enumerator.Current.Values.Select(e => e.ToEntry())];
            }
        }
    }

    private async Task RemoveOneAsync(PurgeEntryEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _index.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone.
        }
    }
}
