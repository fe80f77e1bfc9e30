using System.Text;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pipeline;

/// <summary>
/// The whole app, built from its real service registration on a real Azurite, with functions invoked in-process
/// the way the host invokes them: HTTP in, the emitted queue message delivered to the queue function as the host
/// would decode it, and the timer run after the clock passes the retention.
/// </summary>
[Trait("Category", "Integration")]
public class PipelineTests
{
    [Fact]
    public async Task CreateRemindDeleteAndPurge_EndToEndOnAzurite()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        var queueName = AzuriteInstance.UniqueName("reminders");
        var time = new FakeTimeProvider(TestPets.Start);
        var services = AppServices.With(new Dictionary<string, string?>
        {
            ["PetStorage"] = azurite.ConnectionString,
            ["Storage:PetsTable"] = AzuriteInstance.UniqueName("pets"),
            ["Storage:PurgeIndexTable"] = AzuriteInstance.UniqueName("purge"),
            ["Pets:RetentionPeriod"] = "30.00:00:00",
            ["Reminders:FeedingInterval"] = "12:00:00",

            // A queue of its own, so parallel runs don't meet: the same setting the host's trigger reads.
            ["Reminders:QueueName"] = queueName,
        })
            .AddSingleton<TimeProvider>(time);
        await using var provider = services.BuildServiceProvider();
        T Function<T>() => ActivatorUtilities.CreateInstance<T>(provider);
        var hostView = new QueueClient(azurite.ConnectionString, queueName);

        async Task<string> CreateAsync(string name)
        {
            var result = await Function<CreatePet>().Run(Requests.Json($$"""{"name":"{{name}}","species":"cat","ageMonths":3}"""), default);
            return Assert.IsType<Created<PetResponse>>(result.Result).Value!.Id;
        }

        async Task<Results<Ok<PetResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetAsync(string id) =>
            await Function<GetPet>().Run(Requests.Empty(path: $"/api/pets/{id}"), id, default);

        var live = await CreateAsync("Live");
        var purged = await CreateAsync("Purged");
        var notYetDue = await CreateAsync("NotYetDue");

        // The host decodes base64 before handing the message to the function.
        var delivered = (await hostView.ReceiveMessagesAsync(maxMessages: 10)).Value
            .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))
            .ToList();
        Assert.Equal(3, delivered.Count);
        time.Advance(TimeSpan.FromMinutes(1));
        foreach (var message in delivered)
        {
            await Function<SetFeedingReminder>().Run(message, default);
        }

        var reminded = Assert.IsType<Ok<PetResponse>>((await GetAsync(live)).Result).Value!;
        Assert.Equal(TestPets.Start.AddMinutes(1).AddHours(12).UtcDateTime, reminded.NextFeedingAt);
        Assert.Contains("Welcome, Live!", reminded.Notes, StringComparison.Ordinal);

        // A redelivered message changes nothing.
        Assert.Equal(ReminderOutcome.AlreadySet, await Function<SetFeedingReminder>().ProcessAsync(delivered[0], default));

        Assert.IsType<Accepted<DeletePetResponse>>((await Function<DeletePet>().Run(Requests.Empty("DELETE"), purged, default)).Result);
        time.Advance(TimeSpan.FromDays(10));
        Assert.IsType<Accepted<DeletePetResponse>>((await Function<DeletePet>().Run(Requests.Empty("DELETE"), notYetDue, default)).Result);
        time.Advance(TimeSpan.FromDays(21));

        await Function<PurgeDeletedPets>().Run(new TimerInfo(), default);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>((await GetAsync(purged)).Result).StatusCode);
        Assert.Equal("available", (await Function<UpdatePet>().Run(Requests.Json("""{"status":"available"}""", "PATCH"), live, default)).Result is Ok<PetResponse> ok ? ok.Value!.Status : null);
        Assert.Equal("deleted", Assert.IsType<Ok<PetResponse>>((await GetAsync(notYetDue)).Result).Value!.Status);

        // A late message for the purged pet is dropped, not retried.
        var late = delivered.Single(m => m.Contains(purged, StringComparison.Ordinal));
        Assert.Equal(ReminderOutcome.PetGone, await Function<SetFeedingReminder>().ProcessAsync(late, default));
    }
}
