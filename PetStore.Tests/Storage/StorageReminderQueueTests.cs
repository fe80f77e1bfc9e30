using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using PetStore.Functions;
using PetStore.Functions.Reminders;
using PetStore.Functions.Storage;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Storage;

[Trait("Category", "Integration")]
public class StorageReminderQueueTests
{
    [Fact]
    public async Task SendAsync_WritesBase64JsonAsTheQueueTriggerExpects()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var (queue, _, raw, _) = Create(azurite);

        await queue.SendAsync(new ReminderMessage("0123456789abcdef0123456789abcdef", "corr-7", TestPets.Start), TimeSpan.Zero, default);

        // Read the raw bytes the host would see, and decode them the way its default base64 encoding does.
        var message = Assert.Single((await raw.ReceiveMessagesAsync(maxMessages: 10)).Value);
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
        using var document = JsonDocument.Parse(json);
        Assert.Equal("0123456789abcdef0123456789abcdef", document.RootElement.GetProperty("petId").GetString());
        Assert.Equal("corr-7", document.RootElement.GetProperty("correlationId").GetString());
        Assert.Equal(TestPets.Start, document.RootElement.GetProperty("enqueuedAt").GetDateTimeOffset());
        Assert.True(ReminderMessage.TryParse(json, out var parsed, out _));
        Assert.Equal("corr-7", parsed.CorrelationId);
    }

    [Fact]
    public async Task SendAsync_WithADelay_IsQueuedButInvisible()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var (queue, _, raw, _) = Create(azurite);

        // Long enough that a busy machine cannot let it pass before the receive; the job would see it no sooner.
        await queue.SendAsync(new ReminderMessage("0123456789abcdef0123456789abcdef", "corr-8", TestPets.Start), TimeSpan.FromMinutes(1), default);

        Assert.Empty((await raw.ReceiveMessagesAsync(maxMessages: 10)).Value);
        Assert.Equal(1, (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendToPoisonAsync_ParksTheRawMessageOnThePoisonQueue()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var (queue, _, raw, rawPoison) = Create(azurite);

        await queue.SendToPoisonAsync("not json at all", default);

        Assert.Empty((await raw.ReceiveMessagesAsync(maxMessages: 10)).Value);
        var parked = Assert.Single((await rawPoison.ReceiveMessagesAsync(maxMessages: 10)).Value);
        Assert.Equal("not json at all", Encoding.UTF8.GetString(Convert.FromBase64String(parked.Body.ToString())));
    }

    [Fact]
    public async Task SendAsync_QueueUnreachable_ThrowsStorageUnavailable()
    {
        var queues = StorageClients.FromConnectionString(TablePetStoreTests.UnreachableConnectionString()).Queues;
        var queue = new StorageReminderQueue(queues.GetQueueClient("reminders"), queues.GetQueueClient("reminders-poison"), NullLogger<StorageReminderQueue>.Instance);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => queue.SendAsync(new ReminderMessage("0123456789abcdef0123456789abcdef", null, null), TimeSpan.Zero, default));
    }

    internal static (StorageReminderQueue Queue, QueueClient Encoded, QueueClient Raw, QueueClient RawPoison) Create(AzuriteInstance azurite)
    {
        var name = AzuriteInstance.UniqueName("reminders");
        var queues = StorageClients.FromConnectionString(azurite.ConnectionString).Queues;
        var queue = new StorageReminderQueue(queues.GetQueueClient(name), queues.GetQueueClient(name + "-poison"), NullLogger<StorageReminderQueue>.Instance);
        return (queue, queues.GetQueueClient(name), new QueueClient(azurite.ConnectionString, name), new QueueClient(azurite.ConnectionString, name + "-poison"));
    }
}
