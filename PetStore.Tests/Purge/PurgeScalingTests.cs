using Microsoft.Extensions.Time.Testing;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Tests.Fakes;
using PetStore.Tests.Storage;

namespace PetStore.Tests.Purge;

/// <summary>The purge's storage work must follow the number of pets due, not the size of the table.</summary>
[Trait("Category", "Integration")]
public class PurgeScalingTests
{
    private const int Due = 30;

    private static async Task<(int Requests, PurgeReport Report, int LiveLeft)> RunWithLivePetsAsync(int live)
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var time = new FakeTimeProvider(TestPets.Start);
        var softDeletion = azurite.SoftDeletion(time, maxConcurrency: 8);

        await Parallel.ForEachAsync(Enumerable.Range(0, live + Due), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var pet = TestPets.New(id: $"{i + 1:x32}");
            await azurite.Store.AddAsync(pet, ct);
            if (i < Due)
            {
                await softDeletion.DeleteAsync(pet.Id, PetPrecondition.None, "scaling", ct);
            }
        });

        time.Advance(TimeSpan.FromDays(31));
        var before = azurite.Requests.Count;
        var report = await softDeletion.PurgeDueAsync(default);
        var requests = azurite.Requests.Count - before;

        var remaining = await azurite.Store.ListAsync(new PetQuery(null, null, true, 100, null), default);
        var liveLeft = remaining.Pets.Count;
        var token = remaining.ContinuationToken;
        while (token is not null)
        {
            var page = await azurite.Store.ListAsync(new PetQuery(null, null, true, 100, token), default);
            liveLeft += page.Pets.Count;
            token = page.ContinuationToken;
        }

        return (requests, report, liveLeft);
    }

    [Fact]
    public async Task PurgeDueAsync_StorageRequests_DependOnPetsDueNotOnLivePets()
    {
        var small = await RunWithLivePetsAsync(live: 20);
        var large = await RunWithLivePetsAsync(live: 400);

        Assert.Equal(new PurgeReport(Due, 0, 0), small.Report);
        Assert.Equal(new PurgeReport(Due, 0, 0), large.Report);
        Assert.Equal((20, 400), (small.LiveLeft, large.LiveLeft));

        // One conditional delete per due pet, one index query, one batch removing the index entries.
        Assert.Equal(small.Requests, large.Requests);
        Assert.InRange(large.Requests, Due, Due + 3);
    }
}
