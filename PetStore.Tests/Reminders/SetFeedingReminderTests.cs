using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Reminders;

public class SetFeedingReminderTests
{
    private readonly App _app = new();

    private static string MessageFor(string petId) => new ReminderMessage(petId, "corr-1", TestPets.Start).ToJson();

    [Fact]
    public async Task ProcessAsync_NewPet_SetsWelcomeNotesAndNextFeedingFromTheRunTime()
    {
        _app.Reminders.FeedingInterval = TimeSpan.FromHours(8);
        var pet = _app.Store.Seed(TestPets.New(name: "Rex")).Pet;
        _app.Time.Advance(TimeSpan.FromMinutes(3));

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(pet.Id), default);

        Assert.Equal(ReminderOutcome.ReminderSet, outcome);
        var updated = _app.Store[pet.Id]!.Pet;
        Assert.Equal(TestPets.Start.AddMinutes(3).AddHours(8), updated.NextFeedingAt);
        Assert.Contains("Welcome, Rex!", updated.Notes, StringComparison.Ordinal);
        Assert.Equal(TestPets.Start.AddMinutes(3), updated.UpdatedAt);
    }

    [Fact]
    public async Task ProcessAsync_SameMessageTwice_ChangesNothingTheSecondTime()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(pet.Id), default);
        var afterFirst = _app.Store[pet.Id];
        _app.Time.Advance(TimeSpan.FromHours(1));

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(pet.Id), default);

        Assert.Equal(ReminderOutcome.AlreadySet, outcome);
        Assert.Equal(afterFirst, _app.Store[pet.Id]);
    }

    [Fact]
    public async Task ProcessAsync_UserUpdatesInBetween_KeepsTheUserChangeAndAddsTheReminder()
    {
        var pet = _app.Store.Seed(TestPets.New(name: "Rex")).Pet;
        var raced = false;
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Replace" && !raced)
            {
                raced = true;
                _app.Store.Overwrite(pet with { Name = "Max", Status = PetStatus.Available });
            }
        };

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(pet.Id), default);

        Assert.Equal(ReminderOutcome.ReminderSet, outcome);
        var updated = _app.Store[pet.Id]!.Pet;
        Assert.Equal(("Max", PetStatus.Available), (updated.Name, updated.Status));
        Assert.NotNull(updated.NextFeedingAt);
        Assert.Contains("Max", updated.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_PetGone_CompletesWithoutRetry()
    {
        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(TestPets.New().Id), default);

        Assert.Equal(ReminderOutcome.PetGone, outcome);
        Assert.Empty(_app.Queue.Poisoned);
    }

    [Fact]
    public async Task ProcessAsync_PetDeleted_LeavesItUntouched()
    {
        var stored = _app.Store.Seed(TestPets.New().SoftDelete(TestPets.Start, TestPets.Start.AddDays(30)));

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(MessageFor(stored.Pet.Id), default);

        Assert.Equal(ReminderOutcome.PetDeleted, outcome);
        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
    }

    [Fact]
    public async Task ProcessAsync_MessageFromOlderProducerWithOnlyPetIdAndEnqueuedAt_IsProcessed()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync($$"""{"petId":"{{pet.Id}}","enqueuedAt":"2026-11-29T12:00:00Z"}""", default);

        Assert.Equal(ReminderOutcome.ReminderSet, outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"enqueuedAt":"2026-11-29T12:00:00Z"}""")]
    [InlineData("""{"petId":"../../etc"}""")]
    [InlineData("""{"petId":42}""")]
    public async Task ProcessAsync_UnreadableMessage_GoesToThePoisonQueueAtOnce(string raw)
    {
        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(raw, default);

        Assert.Equal(ReminderOutcome.Poisoned, outcome);
        Assert.Equal(raw, Assert.Single(_app.Queue.Poisoned));
        Assert.Equal(0, _app.Store.Reads);
    }

    [Fact]
    public async Task Run_StorageUnavailable_ThrowsSoTheHostRetries()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        _app.Store.BeforeCall = _ => throw new DependencyUnavailableException("down");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _app.Function<SetFeedingReminder>().Run(MessageFor(pet.Id), default));
        Assert.Empty(_app.Queue.Poisoned);
    }

    [Fact]
    public async Task Run_EndlessConflicts_ThrowsSoTheHostRetriesLater()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Replace")
            {
                _app.Store.Overwrite(pet);
            }
        };

        await Assert.ThrowsAsync<PetChangedException>(() => _app.Function<SetFeedingReminder>().Run(MessageFor(pet.Id), default));
    }
}
