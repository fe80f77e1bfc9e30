using System.Net;
using System.Text.Json;

namespace PetStore.Tests.EndToEnd;

[Collection(E2ESuite.Name)]
public class PetLifecycleTests(E2EHost host)
{
    private readonly HttpClient _client = host.Client;

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task CreatePet_ValidBody_Returns201WithLocationETagAndNewPet()
    {
        var marker = PetsApi.UniqueMarker("create");
        var correlationId = marker.Replace("e2e-create-", "corr-", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, PetsApi.Pets)
        {
            Content = PetsApi.Json(JsonSerializer.Serialize(new { name = $"  {marker}  ", species = "cat", ageMonths = 14 })),
        };
        request.Headers.Add("x-correlation-id", correlationId);

        using var response = await _client.SendAsync(request);

        var created = await PetsApi.ReadPetAsync(response, HttpStatusCode.Created);
        Assert.Matches("^[0-9a-f]{32}$", created.Id);
        Assert.Equal(marker, created.Text("name"));
        Assert.Equal("cat", created.Text("species"));
        Assert.Equal(14, created.Body.GetProperty("ageMonths").GetInt32());
        Assert.Equal("new", created.Text("status"));
        Assert.Equal(created.Time("createdAt"), created.Time("updatedAt"));
        Assert.Equal(DateTimeKind.Utc, created.Time("createdAt")!.Value.Kind);
        Assert.False(created.Body.TryGetProperty("deletedAt", out _), $"A new pet has a deletedAt: {created.Body}");
        Assert.False(string.IsNullOrEmpty(created.ETag), "The 201 carries no ETag.");
        Assert.NotNull(response.Headers.Location);
        Assert.Equal(new Uri(_client.BaseAddress!, PetsApi.Pet(created.Id)), new Uri(_client.BaseAddress!, response.Headers.Location));
        Assert.Equal(correlationId, response.Headers.GetValues("x-correlation-id").Single());

        var read = await _client.GetPetAsync(created.Id);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(marker, read.Text("name"));
        Assert.Equal(created.Time("createdAt"), read.Time("createdAt"));
        Assert.False(string.IsNullOrEmpty(read.ETag), "GET carries no ETag.");
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task CreatePet_Created_ReminderJobSetsNotesAndNextFeedingAt()
    {
        var name = PetsApi.UniqueMarker("reminder");
        var created = await _client.CreatePetAsync(name);

        var withReminder = await _client.WaitForReminderAsync(created.Id);

        Assert.Contains(name, withReminder.Text("notes"), StringComparison.Ordinal);
        Assert.Equal("new", withReminder.Text("status"));
        var createdAt = created.Time("createdAt")!.Value;
        var nextFeedingAt = withReminder.Time("nextFeedingAt")!.Value;
        Assert.True(nextFeedingAt > createdAt, $"nextFeedingAt {nextFeedingAt:O} is not after createdAt {createdAt:O}.");
        if (host.FeedingInterval is { } interval)
        {
            // The job runs within seconds of the create, so the first feeding is one interval after it.
            Assert.InRange(nextFeedingAt - createdAt, interval, interval + PetsApi.ReminderTimeout + TimeSpan.FromSeconds(30));
        }

        Assert.NotEqual(created.ETag, withReminder.ETag);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task UpdatePet_StaleIfMatch_Returns412AndLeavesPetUnchanged()
    {
        var created = await _client.CreatePetAsync(PetsApi.UniqueMarker("stale"));
        // The reminder job writes the pet after the create, so the ETag of the 201 is stale once it has run.
        var current = await _client.WaitForReminderAsync(created.Id);

        using var response = await _client.SendJsonAsync(HttpMethod.Patch, PetsApi.Pet(created.Id), """{"ageMonths": 30}""", ifMatch: created.ETag);

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var after = await _client.GetPetAsync(created.Id);
        Assert.Equal(current.Body.GetProperty("ageMonths").GetInt32(), after.Body.GetProperty("ageMonths").GetInt32());
        Assert.Equal(current.ETag, after.ETag);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task UpdatePet_CurrentIfMatch_Returns200WithChangeAndNewETag()
    {
        var created = await _client.CreatePetAsync(PetsApi.UniqueMarker("fresh"));
        var current = await _client.WaitForReminderAsync(created.Id);

        using var response = await _client.SendJsonAsync(HttpMethod.Patch, PetsApi.Pet(created.Id), """{"status": "available", "ageMonths": 30}""", ifMatch: current.ETag);

        var updated = await PetsApi.ReadPetAsync(response, HttpStatusCode.OK);
        Assert.Equal("available", updated.Text("status"));
        Assert.Equal(30, updated.Body.GetProperty("ageMonths").GetInt32());
        Assert.Equal(current.Text("notes"), updated.Text("notes"));
        Assert.NotEqual(current.ETag, updated.ETag);
        Assert.Equal(updated.ETag, (await _client.GetPetAsync(created.Id)).ETag);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task UpdatePet_PutWithOneField_ChangesOnlyThatField()
    {
        var name = PetsApi.UniqueMarker("put");
        var created = await _client.CreatePetAsync(name, species: "bird", ageMonths: 3);

        using var response = await _client.SendJsonAsync(HttpMethod.Put, PetsApi.Pet(created.Id), """{"ageMonths": 4}""");

        var updated = await PetsApi.ReadPetAsync(response, HttpStatusCode.OK);
        Assert.Equal(4, updated.Body.GetProperty("ageMonths").GetInt32());
        Assert.Equal(name, updated.Text("name"));
        Assert.Equal("bird", updated.Text("species"));
        Assert.Equal("new", updated.Text("status"));
        Assert.True(updated.Time("updatedAt") >= created.Time("updatedAt"), $"updatedAt went backwards: {updated.Body}");
        Assert.Equal(4, (await _client.GetPetAsync(created.Id)).Body.GetProperty("ageMonths").GetInt32());
    }
}
