using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using PetStore.Functions.Storage;
using PetStore.Testing;

namespace PetStore.Tests.Storage;

/// <summary>A <see cref="TablePetStore"/> on tables of its own in the shared Azurite, counting the requests it sends.</summary>
internal sealed class StoreOnAzurite
{
    private StoreOnAzurite(AzuriteInstance azurite, TablePetStore store, RequestCounter counter, string petsTable, string purgeTable)
    {
        Azurite = azurite;
        Store = store;
        Requests = counter;
        PetsTable = petsTable;
        PurgeTable = purgeTable;
    }

    public AzuriteInstance Azurite { get; }

    public TablePetStore Store { get; }

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
        var store = new TablePetStore(service.GetTableClient(petsTable), service.GetTableClient(purgeTable), NullLogger<TablePetStore>.Instance);
        return new StoreOnAzurite(azurite, store, counter, petsTable, purgeTable);
    }
}

/// <summary>Counts the HTTP requests a client sends, retries included.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
