using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Purge;

public class PurgeDeletedPetsTests
{
    private readonly App _app = new();

    private async Task<Pet> DeleteAsync(Pet pet)
    {
        _app.Store.Seed(pet);
        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default);
        return _app.Store[pet.Id]!.Pet;
    }

    [Fact]
    public async Task PurgeAsync_DuePets_AreRemovedWithTheirEntriesWhileLiveAndNotYetDuePetsStay()
    {
        _app.Retention.RetentionPeriod = TimeSpan.FromDays(30);
        var due = new List<Pet>();
        for (var i = 0; i < 7; i++)
        {
            due.Add(await DeleteAsync(TestPets.New(id: $"{i + 1:x32}")));
        }

        _app.Time.Advance(TimeSpan.FromDays(10));
        var notYetDue = await DeleteAsync(TestPets.New(id: $"{100:x32}"));
        var live = _app.Store.Seed(TestPets.New(id: $"{200:x32}")).Pet;
        _app.Time.Advance(TimeSpan.FromDays(20));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(new PurgeReport(Purged: 7, Discarded: 0, Kept: 0), report);
        Assert.All(due, p => Assert.Null(_app.Store[p.Id]));
        Assert.NotNull(_app.Store[notYetDue.Id]);
        Assert.NotNull(_app.Store[live.Id]);
        Assert.Equal(notYetDue.Id, Assert.Single(_app.PurgeIndex.Entries).PetId);
    }

    [Fact]
    public async Task PurgeAsync_ExactlyAtPurgeAt_Purges()
    {
        var pet = await DeleteAsync(TestPets.New());
        _app.Time.SetUtcNow(pet.PurgeAt!.Value);

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(1, report.Purged);
    }

    [Fact]
    public async Task PurgeAsync_ConfirmedEntry_DeletesWithoutReadingThePet()
    {
        await DeleteAsync(TestPets.New());
        _app.Time.Advance(TimeSpan.FromDays(31));
        var readsBefore = _app.Store.Reads;

        await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(readsBefore, _app.Store.Reads);
    }

    [Fact]
    public async Task PurgeAsync_RestoredPet_IsKeptAndItsLeftoverEntryDiscarded()
    {
        var pet = await DeleteAsync(TestPets.New());
        var entry = Assert.Single(_app.PurgeIndex.Entries);
        await _app.Function<RestorePet>().Run(Requests.Empty("POST"), pet.Id, default);
        await _app.PurgeIndex.SaveAsync(entry, default); // as if the restore could not remove it
        _app.Time.Advance(TimeSpan.FromDays(31));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(new PurgeReport(0, 1, 0), report);
        Assert.Equal(PetStatus.New, _app.Store[pet.Id]!.Pet.Status);
        Assert.Empty(_app.PurgeIndex.Entries);
    }

    [Fact]
    public async Task PurgeAsync_RestoredAndDeletedAgain_WaitsForTheNewRetention()
    {
        var pet = await DeleteAsync(TestPets.New());
        var firstEntry = Assert.Single(_app.PurgeIndex.Entries);
        await _app.Function<RestorePet>().Run(Requests.Empty("POST"), pet.Id, default);
        await _app.PurgeIndex.SaveAsync(firstEntry, default);
        _app.Time.Advance(TimeSpan.FromDays(20));
        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default);
        _app.Time.Advance(TimeSpan.FromDays(11));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(new PurgeReport(0, 1, 0), report);
        Assert.NotNull(_app.Store[pet.Id]);
        Assert.Equal(TestPets.Start.AddDays(50), Assert.Single(_app.PurgeIndex.Entries).PurgeAt);
    }

    [Fact]
    public async Task PurgeAsync_UnconfirmedEntryOfDeletedPet_ReadsThePetAndPurges()
    {
        var pet = await DeleteAsync(TestPets.New());
        var entry = Assert.Single(_app.PurgeIndex.Entries);
        await _app.PurgeIndex.SaveAsync(entry with { PetETag = null }, default);
        _app.Time.Advance(TimeSpan.FromDays(31));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(1, report.Purged);
        Assert.Null(_app.Store[pet.Id]);
    }

    [Fact]
    public async Task PurgeAsync_EntryWrittenButSoftDeleteNeverHappened_KeepsThePet()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        await _app.PurgeIndex.SaveAsync(new PurgeEntry(pet.Id, TestPets.Start.AddDays(1), "crashed"), default);
        _app.Time.Advance(TimeSpan.FromDays(2));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(new PurgeReport(0, 1, 0), report);
        Assert.NotNull(_app.Store[pet.Id]);
    }

    [Fact]
    public async Task PurgeAsync_PetAlreadyPurgedByACrashedRun_DiscardsTheEntry()
    {
        var pet = await DeleteAsync(TestPets.New());
        var entry = Assert.Single(_app.PurgeIndex.Entries);
        await _app.Store.RemoveAsync(pet.Id, "*", default);
        await _app.PurgeIndex.SaveAsync(entry with { PetETag = null }, default);
        _app.Time.Advance(TimeSpan.FromDays(31));

        var report = await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        Assert.Equal(new PurgeReport(0, 1, 0), report);
        Assert.Empty(_app.PurgeIndex.Entries);
    }
}
