using PetStore.Functions.Reminders;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Reminders;

/// <summary>
/// The queue message contract: every shape a producer of the seed tutorial's generation sends (petId with
/// enqueuedAt as epoch milliseconds or ISO 8601) is processed; optional fields this app cannot read are ignored
/// rather than losing the pet's reminder; only a message without a usable petId is poison.
/// </summary>
public class ReminderMessageTests
{
    private const string PetId = "0194f1c2a3b47c5d8e9fa0b1c2d3e4f5";

    private static readonly DateTimeOffset Enqueued = new(2025, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly App _app = new();

    public static TheoryData<string, DateTimeOffset?> ProducerShapes() => new()
    {
        // The seed tutorial's producer: epoch milliseconds, exactly.
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1764417600000}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1764417600000.0}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1.7644176e12}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":"1764417600000"}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":"2025-11-29T12:00:00Z"}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":"2025-11-29T13:00:00+01:00"}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":"2025-11-29T12:00:00.000Z","correlationId":"c-1"}""", Enqueued },
        { $$"""{"PetId":"{{PetId}}","EnqueuedAt":1764417600000}""", Enqueued },
        { $$"""{"petId":"{{PetId}}"}""", null },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":null}""", null },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":"yesterday"}""", null },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":true}""", null },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1e30}""", null },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1764417600000.5}""", null },
        { $$"""{"petId":"{{PetId}}","correlationId":42,"enqueuedAt":1764417600000}""", Enqueued },
        { $$"""{"petId":"{{PetId}}","enqueuedAt":1764417600000,"source":"seed","attempt":1}""", Enqueued },
        { $$"""{{"\uFEFF"}}{"petId":"{{PetId}}","enqueuedAt":1764417600000}""", Enqueued },
    };

    [Theory]
    [MemberData(nameof(ProducerShapes))]
    public void TryParse_ProducerShape_IsReadWithItsEnqueueTime(string raw, DateTimeOffset? enqueuedAt)
    {
        Assert.True(ReminderMessage.TryParse(raw, out var message, out var error), error);
        Assert.Equal(PetId, message.PetId);
        Assert.Equal(enqueuedAt, message.EnqueuedAt);
    }

    [Theory]
    [MemberData(nameof(ProducerShapes))]
    public async Task ProcessAsync_ProducerShape_SetsTheReminder(string raw, DateTimeOffset? enqueuedAt)
    {
        _ = enqueuedAt;
        _app.Store.Seed(TestPets.New(id: PetId));

        var outcome = await _app.Function<SetFeedingReminder>().ProcessAsync(raw, default);

        Assert.Equal(ReminderOutcome.ReminderSet, outcome);
        Assert.Empty(_app.Queue.Poisoned);
        Assert.NotNull(_app.Store[PetId]!.Pet.NextFeedingAt);
    }

    [Fact]
    public void ToJson_WritesEnqueuedAtAsIsoUtc_ThatTryParseReadsBack()
    {
        var json = new ReminderMessage(PetId, "c-1", Enqueued).ToJson();

        Assert.Contains("\"enqueuedAt\":\"2025-11-29T12:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.True(ReminderMessage.TryParse(json, out var back, out _));
        Assert.Equal(new ReminderMessage(PetId, "c-1", Enqueued), back);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"enqueuedAt":1764417600000}""")]
    [InlineData("""{"petId":"../../etc","enqueuedAt":1764417600000}""")]
    [InlineData("""{"petId":42,"enqueuedAt":1764417600000}""")]
    [InlineData("""{"petId":null}""")]
    [InlineData("""{"petId":"0194F1C2A3B47C5D8E9FA0B1C2D3E4F5"}""")]
    public void TryParse_NoUsablePetId_IsPoison(string raw)
    {
        Assert.False(ReminderMessage.TryParse(raw, out _, out var error));
        Assert.NotEmpty(error);
    }
}
