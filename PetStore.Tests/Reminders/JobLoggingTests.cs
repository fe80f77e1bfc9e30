using Microsoft.Extensions.Options;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Reminders;

/// <summary>Every log line of a background job names the pet and the correlation id of the request behind it.</summary>
public class JobLoggingTests
{
    private readonly App _app = new();

    private static void AssertEveryEntryNames(IEnumerable<IReadOnlyDictionary<string, object?>> entries, string petId, string correlationId)
    {
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.Equal(petId, entry["PetId"]);
            Assert.Equal(correlationId, entry["CorrelationId"]);
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task SetFeedingReminder_EveryOutcome_LogsPetAndCorrelationId(bool alreadySet, bool deleted)
    {
        var pet = TestPets.New();
        if (alreadySet)
        {
            pet = pet with { NextFeedingAt = TestPets.Start };
        }

        if (deleted)
        {
            pet = pet.SoftDelete(TestPets.Start, TestPets.Start.AddDays(1));
        }

        _app.Store.Seed(pet);
        var logger = new RecordingLogger<SetFeedingReminder>();
        var job = new SetFeedingReminder(_app.Store, _app.Queue, _app.Time, Options.Create(new ReminderOptions()), logger);

        await job.ProcessAsync(new ReminderMessage(pet.Id, "corr-9", null).ToJson(), default);

        AssertEveryEntryNames(logger.Entries, pet.Id, "corr-9");
    }

    [Fact]
    public async Task SetFeedingReminder_PetGone_LogsPetAndCorrelationId()
    {
        var logger = new RecordingLogger<SetFeedingReminder>();
        var job = new SetFeedingReminder(_app.Store, _app.Queue, _app.Time, Options.Create(new ReminderOptions()), logger);
        var id = TestPets.New().Id;

        await job.ProcessAsync(new ReminderMessage(id, "corr-gone", null).ToJson(), default);

        AssertEveryEntryNames(logger.Entries, id, "corr-gone");
    }

    [Fact]
    public async Task PurgeDeletedPets_PerPetLines_NameThePetAndTheDeleteRequest()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        var request = Requests.Empty("DELETE");
        request.Headers["x-correlation-id"] = "delete-req";
        await _app.DeletePet().Run(request, pet.Id, default);
        _app.Time.Advance(TimeSpan.FromDays(31));
        var logger = new RecordingLogger<PurgeDeletedPets>();
        var purge = new PurgeDeletedPets(_app.Store, _app.Time, Options.Create(new PurgeOptions()), logger);

        await purge.PurgeAsync(default);

        // All but the run summary are about one pet.
        AssertEveryEntryNames(logger.Entries.Where(e => !e.ContainsKey("Purged")), pet.Id, "delete-req");
        Assert.Single(logger.Entries, e => e.ContainsKey("Purged"));
    }
}
