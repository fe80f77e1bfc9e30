using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Telemetry;

/// <summary>Every metric of the app, read back through the in-memory exporter after the work that records it.</summary>
[Collection(TelemetryGroup.Name)]
[Trait("Category", "Integration")]
public sealed class MetricsTests : IAsyncLifetime
{
    private TracedApp _app = null!;

    public async Task InitializeAsync() => _app = await TracedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ReminderOutcome> ProcessAsync(string message) => _app.Function<SetFeedingReminder>().ProcessAsync(message, default);

    [Fact]
    public async Task PetsCreated_CountsEveryCreatedPetAndNoRejectedOne()
    {
        await _app.CreateAsync("One");
        await _app.CreateAsync("Two");
        Assert.IsType<ProblemHttpResult>((await _app.Function<CreatePet>().Run(Requests.Json("""{"name":""}"""), default)).Result);

        Assert.Equal(2, _app.Count(PetStoreMetrics.Names.PetsCreated));
    }

    [Fact]
    public async Task ReminderMessages_CountsEachOutcomeUnderItsOwnValue()
    {
        var (kept, _) = await _app.CreateAsync("Kept");
        var (deleted, _) = await _app.CreateAsync("Deleted");
        var messages = await _app.DeliverAllAsync();
        string MessageFor(string petId) => messages.Single(m => m.Contains(petId, StringComparison.Ordinal));
        Assert.IsType<Accepted<DeletePetResponse>>((await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), deleted, default)).Result);

        await ProcessAsync(MessageFor(kept));
        await ProcessAsync(MessageFor(kept));
        await ProcessAsync(MessageFor(deleted));
        await ProcessAsync(new ReminderMessage(TestPets.New().Id, "corr-gone", TestPets.Start).ToJson());
        await ProcessAsync("this is not json");

        const string Metric = PetStoreMetrics.Names.ReminderMessages;
        const string Outcome = "petstore.reminder.outcome";
        Assert.Equal(
            [("already_set", 1L), ("pet_deleted", 1L), ("pet_gone", 1L), ("poisoned", 1L), ("set", 1L)],
            _app.Points(Metric).Select(p => (TracedApp.Attribute(p, Outcome)!, p.GetSumLong())).Order());
    }

    [Fact]
    public async Task ReminderDelay_IsTheTimeFromEnqueuedAtToTheWrittenReminder_AndOnlyThat()
    {
        var (first, _) = await _app.CreateAsync("First");
        var (second, _) = await _app.CreateAsync("Second");
        var messages = await _app.DeliverAllAsync();
        _app.Time.Advance(TimeSpan.FromSeconds(2.5));

        await ProcessAsync(messages.Single(m => m.Contains(first, StringComparison.Ordinal)));
        await ProcessAsync(messages.Single(m => m.Contains(first, StringComparison.Ordinal)));

        // An older producer's message has no enqueuedAt: nothing to measure from.
        var withoutEnqueuedAt = JsonNode.Parse(messages.Single(m => m.Contains(second, StringComparison.Ordinal)))!.AsObject();
        Assert.True(withoutEnqueuedAt.Remove("enqueuedAt"));
        Assert.Equal(ReminderOutcome.ReminderSet, await ProcessAsync(withoutEnqueuedAt.ToJsonString()));

        var delay = Assert.Single(_app.Points(PetStoreMetrics.Names.ReminderDelay));
        Assert.Equal(1, delay.GetHistogramCount());
        Assert.Equal(2.5, delay.GetHistogramSum(), precision: 3);
    }
}
