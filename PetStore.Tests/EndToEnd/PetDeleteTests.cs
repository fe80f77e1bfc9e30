using System.Diagnostics;
using System.Net;

namespace PetStore.Tests.EndToEnd;

[Collection(E2ESuite.Name)]
public class PetDeleteTests(E2EHost host)
{
    private static readonly TimeSpan PurgeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Longer than this and a deployed app's retention is too long for the purge test to wait out.</summary>
    private static readonly TimeSpan MaxRetentionToWait = TimeSpan.FromMinutes(2);

    private readonly HttpClient _client = host.Client;

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task DeletePet_LivePet_Returns202WithPurgeAtAndPetStaysReadable()
    {
        var pet = await _client.CreatePetAsync(PetsApi.UniqueMarker("delete"));

        using var response = await _client.DeleteAsync(PetsApi.Pet(pet.Id));

        var deleted = await PetsApi.ReadJsonAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(pet.Id, deleted.GetProperty("petId").GetString());
        var purgeAt = deleted.GetProperty("purgeAt").GetDateTime();
        Assert.True(purgeAt > pet.Time("createdAt"), $"purgeAt {purgeAt:O} is not after the pet was created.");
        Assert.False(string.IsNullOrWhiteSpace(deleted.GetProperty("message").GetString()));

        var read = await _client.GetPetAsync(pet.Id);
        Assert.Equal("deleted", read.Text("status"));
        Assert.NotNull(read.Time("deletedAt"));
        Assert.Equal(purgeAt, read.Time("purgeAt"));

        // Deleting again changes nothing: same purge time, so a retried DELETE cannot extend the retention.
        using var again = await _client.DeleteAsync(PetsApi.Pet(pet.Id));
        Assert.Equal(purgeAt, (await PetsApi.ReadJsonAsync(again, HttpStatusCode.Accepted)).GetProperty("purgeAt").GetDateTime());
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task UpdatePet_DeletedPet_Returns409Problem()
    {
        var pet = await _client.CreatePetAsync(PetsApi.UniqueMarker("deleted-update"));
        await DeleteAsync(pet.Id);

        using var response = await _client.SendJsonAsync(HttpMethod.Patch, PetsApi.Pet(pet.Id), """{"name": "Renamed"}""");

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("deleted", (await _client.GetPetAsync(pet.Id)).Text("status"));
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task RestorePet_DeletedPet_Returns200WithPreviousStatusAndSecondRestoreIs409()
    {
        // 'pending' rather than the default, so that "back to the previous status" is what the assertion sees.
        var pet = await _client.CreatePetAsync(PetsApi.UniqueMarker("restore"));
        using (var pending = await _client.SendJsonAsync(HttpMethod.Patch, PetsApi.Pet(pet.Id), """{"status": "pending"}"""))
        {
            await PetsApi.ReadPetAsync(pending, HttpStatusCode.OK);
        }

        await DeleteAsync(pet.Id);

        using var restore = await _client.PostAsync(PetsApi.Restore(pet.Id), content: null);

        var restored = await PetsApi.ReadPetAsync(restore, HttpStatusCode.OK);
        Assert.Equal("pending", restored.Text("status"));
        Assert.Null(restored.Time("deletedAt"));
        Assert.Null(restored.Time("purgeAt"));
        Assert.False(string.IsNullOrEmpty(restored.ETag), "The restore carries no ETag.");
        Assert.Equal("pending", (await _client.GetPetAsync(pet.Id)).Text("status"));

        using var again = await _client.PostAsync(PetsApi.Restore(pet.Id), content: null);
        await PetsApi.AssertProblemAsync(again, HttpStatusCode.Conflict);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task RestorePet_DeletedBeforeItsReminderWasSet_GetsItsReminderAfterTheRestore()
    {
        // Deleted at once, so the reminder job most likely finds it deleted and drops its message; either way, the
        // restored pet must end up with its reminder (the restore asks for one, visible 10 s later).
        var pet = await _client.CreatePetAsync(PetsApi.UniqueMarker("restore-reminder"));
        await DeleteAsync(pet.Id);
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var restore = await _client.PostAsync(PetsApi.Restore(pet.Id), content: null);
        await PetsApi.ReadPetAsync(restore, HttpStatusCode.OK);

        var reminded = await _client.WaitForReminderAsync(pet.Id);
        Assert.NotNull(reminded.Time("nextFeedingAt"));
    }

    [E2EFact(NeedsAdminApi = true)]
    [Trait("Category", "E2E")]
    public async Task PurgeDeletedPets_AfterRetention_RemovesDeletedPetAndKeepsLivePet()
    {
        var live = await _client.CreatePetAsync(PetsApi.UniqueMarker("purge-live"));
        var doomed = await _client.CreatePetAsync(PetsApi.UniqueMarker("purge-doomed"));
        var purgeAt = await DeleteAsync(doomed.Id);
        var wait = purgeAt - DateTime.UtcNow;
        Assert.True(
            wait < MaxRetentionToWait,
            $"The pet is purged only at {purgeAt:O}; run the app with a short Pets__RetentionPeriod (the local run uses {E2EHost.LocalRetentionPeriod}).");

        // A second of slack for clock skew between this machine and the app.
        await Task.Delay(wait > TimeSpan.Zero ? wait + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await host.TriggerPurgeAsync();
            var gone = false;
            var polled = Stopwatch.StartNew();
            while (!gone && polled.Elapsed < TimeSpan.FromSeconds(5))
            {
                using var response = await _client.GetAsync(PetsApi.Pet(doomed.Id));
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    await PetsApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
                    gone = true;
                }
                else
                {
                    await PetsApi.ReadPetAsync(response, HttpStatusCode.OK);
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                }
            }

            if (gone)
            {
                break;
            }

            // The admin API only queues the run; trigger again in case a run started before the pet was due.
            Assert.True(waited.Elapsed < PurgeTimeout, $"Pet {doomed.Id} was still there {PurgeTimeout.TotalSeconds:0} s after its purge time.");
        }

        Assert.Equal("new", (await _client.GetPetAsync(live.Id)).Text("status"));
    }

    private async Task<DateTime> DeleteAsync(string id)
    {
        using var response = await _client.DeleteAsync(PetsApi.Pet(id));
        return (await PetsApi.ReadJsonAsync(response, HttpStatusCode.Accepted)).GetProperty("purgeAt").GetDateTime();
    }
}
