using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Storage;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Storage;

[Trait("Category", "Integration")]
public class TablePetStoreTests
{
    private static Pet NewPet(int n, Species species = Species.Dog, PetStatus status = PetStatus.New) =>
        TestPets.New(id: Guid.CreateVersion7(TestPets.Start.AddSeconds(n)).ToString("N"), name: $"pet {n}", species: species, status: status);

    [Fact]
    public async Task AddAsync_ThenFindAsync_RoundTripsEveryField()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var pet = NewPet(1).SoftDelete(TestPets.Start.AddMilliseconds(123), TestPets.Start.AddDays(30).AddMilliseconds(123)) with
        {
            Notes = "Welcome, Rex!",
            NextFeedingAt = TestPets.Start.AddHours(24),
        };

        var added = await azurite.Store.AddAsync(pet, default);
        var found = await azurite.Store.FindAsync(pet.Id, default);

        Assert.Equal(pet, found!.Pet);
        Assert.Equal(added.ETag, found.ETag);
        Assert.Null(await azurite.Store.FindAsync(NewPet(2).Id, default));
    }

    [Fact]
    public async Task AddAsync_SameIdTwice_ThrowsPetAlreadyExists()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var pet = NewPet(1);
        await azurite.Store.AddAsync(pet, default);

        await Assert.ThrowsAsync<PetAlreadyExistsException>(() => azurite.Store.AddAsync(pet, default));
    }

    [Fact]
    public async Task ReplaceAsync_StaleETag_ThrowsPetChangedAndKeepsTheNewerVersion()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var first = await azurite.Store.AddAsync(NewPet(1), default);
        var second = await azurite.Store.ReplaceAsync(first.Pet with { Name = "Max" }, first.ETag, default);

        await Assert.ThrowsAsync<PetChangedException>(() => azurite.Store.ReplaceAsync(first.Pet with { Name = "Stale" }, first.ETag, default));

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.Equal("Max", (await azurite.Store.FindAsync(first.Pet.Id, default))!.Pet.Name);
    }

    [Fact]
    public async Task RemoveAsync_StaleETagFailsCurrentRemovesAndMissingIsFine()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var first = await azurite.Store.AddAsync(NewPet(1), default);
        var second = await azurite.Store.ReplaceAsync(first.Pet with { Name = "Max" }, first.ETag, default);

        await Assert.ThrowsAsync<PetChangedException>(() => azurite.Store.RemoveAsync(first.Pet.Id, first.ETag, default));
        await azurite.Store.RemoveAsync(first.Pet.Id, second.ETag, default);
        await azurite.Store.RemoveAsync(first.Pet.Id, second.ETag, default);

        Assert.Null(await azurite.Store.FindAsync(first.Pet.Id, default));
    }

    [Fact]
    public async Task ListAsync_PagingToTheEnd_ReturnsEveryMatchingPetExactlyOnce()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var dogs = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var pet = NewPet(i, species: i % 3 == 0 ? Species.Cat : Species.Dog);
            await azurite.Store.AddAsync(i == 4 ? pet.SoftDelete(TestPets.Start, TestPets.Start.AddDays(1)) : pet, default);
            if (pet.Species == Species.Dog && i != 4)
            {
                dogs.Add(pet.Id);
            }
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await azurite.Store.ListAsync(new PetQuery(Species.Dog, null, false, 5, token), default);
            Assert.InRange(page.Pets.Count, 0, 5);
            seen.AddRange(page.Pets.Select(p => p.Pet.Id));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(dogs.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(pages >= 3, $"expected several pages, got {pages}");
    }

    [Fact]
    public async Task ListAsync_StatusAndIncludeDeleted_FilterAsDocumented()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        await azurite.Store.AddAsync(NewPet(1, status: PetStatus.Available), default);
        await azurite.Store.AddAsync(NewPet(2, status: PetStatus.Adopted), default);
        await azurite.Store.AddAsync(NewPet(3).SoftDelete(TestPets.Start, TestPets.Start.AddDays(1)), default);

        async Task<int> Count(PetStatus? status, bool includeDeleted) =>
            (await azurite.Store.ListAsync(new PetQuery(null, status, includeDeleted, 100, null), default)).Pets.Count;

        Assert.Equal(2, await Count(null, includeDeleted: false));
        Assert.Equal(3, await Count(null, includeDeleted: true));
        Assert.Equal(1, await Count(PetStatus.Adopted, includeDeleted: false));
        Assert.Equal(1, await Count(PetStatus.Deleted, includeDeleted: false));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("bm9zcGFjZQ")]
    public async Task ListAsync_TokenNotIssuedHere_ThrowsInvalidContinuationToken(string token)
    {
        var azurite = await StoreOnAzurite.CreateAsync();

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => azurite.Store.ListAsync(new PetQuery(null, null, false, 10, token), default));
    }

    [Fact]
    public async Task FindAsync_StorageUnreachable_ThrowsDependencyUnavailable()
    {
        var tables = StorageClients.FromConnectionString(UnreachableConnectionString()).Tables;
        var store = new TablePetStore(tables.GetTableClient("pets"), NullLogger<TablePetStore>.Instance);

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => store.FindAsync(NewPet(1).Id, default));

        Assert.Contains("read a pet", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A connection string to a loopback port nothing listens on (it was free a moment ago).</summary>
    internal static string UnreachableConnectionString()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }
}
