using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Reminders;

/// <summary>
/// Every write that leaves a live pet without a feeding reminder asks for one, so a reminder message that was
/// dropped (the pet was deleted when it arrived) or lost (poisoned after retries) is asked for again. The request is
/// queued before the write, so a queue outage fails the write cleanly instead of leaving the pet without one.
/// </summary>
public class ReminderRequestTests
{
    private readonly App _app = new();

    private StoredPet SeedDeleted(bool withReminder)
    {
        var pet = TestPets.New();
        if (withReminder)
        {
            pet = pet with { NextFeedingAt = TestPets.Start.AddDays(1) };
        }

        return _app.Store.Seed(pet.SoftDelete(TestPets.Start, TestPets.Start.AddDays(30)));
    }

    private static HttpRequest WithCorrelation(HttpRequest request, string id)
    {
        request.Headers["x-correlation-id"] = id;
        return request;
    }

    [Fact]
    public async Task Restore_PetWhoseReminderWasDroppedWhileDeleted_AsksForOneThatArrivesAfterTheRestore()
    {
        // Created, deleted before the job ran: the job drops the message for a deleted pet.
        var created = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":2}"""), default);
        var id = Assert.IsType<Created<PetResponse>>(created.Result).Value!.Id;
        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), id, default);
        Assert.Equal(ReminderOutcome.PetDeleted, await _app.Function<SetFeedingReminder>().ProcessAsync(Assert.Single(_app.Queue.Sent).ToJson(), default));

        var result = await _app.Function<RestorePet>().Run(WithCorrelation(Requests.Empty("POST"), "restore-1"), id, default);

        Assert.IsType<Ok<PetResponse>>(result.Result);
        var (message, delay) = _app.Queue.SentWithDelay.Last();
        Assert.Equal((id, "restore-1"), (message.PetId, message.CorrelationId));
        Assert.Equal(ReminderRequests.AfterRestore, delay);
        Assert.True(delay > TimeSpan.Zero, "The message must not be visible before the restore has been written.");
        Assert.Equal(ReminderOutcome.ReminderSet, await _app.Function<SetFeedingReminder>().ProcessAsync(message.ToJson(), default));
        Assert.NotNull(_app.Store[id]!.Pet.NextFeedingAt);
    }

    [Fact]
    public async Task Restore_PetThatHasItsReminder_AsksForNothing()
    {
        var stored = SeedDeleted(withReminder: true);

        await _app.Function<RestorePet>().Run(Requests.Empty("POST"), stored.Pet.Id, default);

        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Restore_QueueUnavailable_FailsAndLeavesThePetDeleted()
    {
        var stored = SeedDeleted(withReminder: false);
        await _app.PurgeIndex.SaveAsync(new(stored.Pet.Id, stored.Pet.PurgeAt!.Value, "delete"), default);
        _app.Queue.BeforeCall = _ => throw new DependencyUnavailableException("queue down");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _app.Function<RestorePet>().Run(Requests.Empty("POST"), stored.Pet.Id, default));

        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
        Assert.Single(_app.PurgeIndex.Entries);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    public async Task Update_LivePetWithoutAReminder_AsksForOne(string method)
    {
        var stored = _app.Store.Seed(TestPets.New());

        var result = await _app.Function<UpdatePet>().Run(WithCorrelation(Requests.Json("""{"status":"available"}""", method), "update-1"), stored.Pet.Id, default);

        Assert.IsType<Ok<PetResponse>>(result.Result);
        var message = Assert.Single(_app.Queue.Sent);
        Assert.Equal((stored.Pet.Id, "update-1"), (message.PetId, message.CorrelationId));
    }

    [Fact]
    public async Task Update_LivePetWithAReminder_AsksForNothing()
    {
        var stored = _app.Store.Seed(TestPets.New() with { NextFeedingAt = TestPets.Start.AddDays(1) });

        await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), stored.Pet.Id, default);

        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Update_QueueUnavailable_FailsAndChangesNothing()
    {
        var stored = _app.Store.Seed(TestPets.New());
        _app.Queue.BeforeCall = _ => throw new DependencyUnavailableException("queue down");

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), stored.Pet.Id, default));

        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
    }

    [Fact]
    public async Task Delete_AsksForNothing()
    {
        var stored = _app.Store.Seed(TestPets.New());

        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), stored.Pet.Id, default);

        Assert.Empty(_app.Queue.Sent);
    }
}
