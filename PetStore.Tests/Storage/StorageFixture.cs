using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Storage;

/// <summary>
/// A <see cref="TablePetStore"/> and a <see cref="TablePurgeIndex"/> on tables of their own in the shared Azurite,
/// counting the requests they send.
/// </summary>
internal sealed class StoreOnAzurite
{
    private StoreOnAzurite(AzuriteInstance azurite, TablePetStore store, TablePurgeIndex purgeIndex, RequestCounter counter, string petsTable, string purgeTable)
    {
        Azurite = azurite;
        Store = store;
        PurgeIndex = purgeIndex;
        Requests = counter;
        PetsTable = petsTable;
        PurgeTable = purgeTable;
    }

    public AzuriteInstance Azurite { get; }

    public TablePetStore Store { get; }

    public TablePurgeIndex PurgeIndex { get; }

    public RequestCounter Requests { get; }

    public string PetsTable { get; }

    public string PurgeTable { get; }

    public static async Task<StoreOnAzurite> CreateAsync()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var counter = new RequestCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(azurite.ConnectionString, options);
        var petsTable = AzuriteInstance.UniqueName("pets");
        var purgeTable = AzuriteInstance.UniqueName("purge");
        var store = new TablePetStore(service.GetTableClient(petsTable), NullLogger<TablePetStore>.Instance);
        var purgeIndex = new TablePurgeIndex(service.GetTableClient(purgeTable), NullLogger<TablePurgeIndex>.Instance);
        return new StoreOnAzurite(azurite, store, purgeIndex, counter, petsTable, purgeTable);
    }

    /// <summary>The soft-delete protocol on these tables, with the default retention and no reminder queue.</summary>
    public SoftDeletion SoftDeletion(TimeProvider time, int maxConcurrency) => new(
        Store,
        PurgeIndex,
        new RecordingReminderQueue(),
        new PetUpdater(Store, NullLogger<PetUpdater>.Instance),
        time,
        Options.Create(new RetentionOptions()),
        Options.Create(new PurgeOptions { MaxConcurrency = maxConcurrency }),
        UnobservedMetrics.Create(),
        NullLogger<SoftDeletion>.Instance);
}

/// <summary>Counts the HTTP requests a client sends, retries included.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
