using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions.Pets;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// The responses of a pet's life on real Table Storage (Azurite), through the app's real service registration, kept
/// against the OpenAPI document: real ETags, real continuation tokens in nextLink, real timestamps.
/// </summary>
[Trait("Category", "Integration")]
public class AzuriteConformanceTests
{
    [Fact]
    public async Task PetLifecycle_OnAzurite_KeepsTheDocument()
    {
        var azurite = await AzuriteInstance.SharedAsync();
        await using var provider = AppServices.With(new Dictionary<string, string?>
        {
            ["PetStorage"] = azurite.ConnectionString,
            ["Storage:PetsTable"] = AzuriteInstance.UniqueName("pets"),
            ["Storage:PurgeIndexTable"] = AzuriteInstance.UniqueName("purge"),
            ["Reminders:QueueName"] = AzuriteInstance.UniqueName("reminders"),
        }).BuildServiceProvider();
        var contract = await ServedDocument.ContractAsync();
        T Function<T>() => ActivatorUtilities.CreateInstance<T>(provider);

        async Task<ApiResponse> CallAsync<TResult>(string path, string method, int status, HttpRequest request, Func<Task<TResult>> function)
            where TResult : IResult
        {
            var response = await ApiCall.RunAsync(request, function);
            Assert.Equal(status, response.Status);
            Assert.Empty(contract.Violations(path, method, response));
            return response;
        }

        async Task<ApiResponse> CreateAsync(string name)
        {
            var request = Requests.Json($$"""{"name":"{{name}}","species":"bird","ageMonths":24}""");
            return await CallAsync("/pets", "POST", 201, request, () => Function<CreatePet>().Run(request, default));
        }

        var created = await CreateAsync("Kiwi");
        await CreateAsync("Mango");
        var id = created.Json!["id"]!.GetValue<string>();

        var get = Requests.Empty(path: $"/api/pets/{id}");
        var read = await CallAsync("/pets/{id}", "GET", 200, get, () => Function<GetPet>().Run(get, id, default));

        var firstPage = Requests.Empty(query: "?species=bird&pageSize=1");
        var page = await CallAsync("/pets", "GET", 200, firstPage, () => Function<ListPets>().Run(firstPage, default));
        var next = new Uri(page.Json!["nextLink"]!.GetValue<string>());
        var nextPage = Requests.Empty(query: next.Query);
        await CallAsync("/pets", "GET", 200, nextPage, () => Function<ListPets>().Run(nextPage, default));

        var patch = Requests.Json("""{"status":"available"}""", "PATCH", $"/api/pets/{id}").WithIfMatch(read.Headers["ETag"]);
        var patched = await CallAsync("/pets/{id}", "PATCH", 200, patch, () => Function<UpdatePet>().Run(patch, id, default));
        var stale = Requests.Json("""{"status":"pending"}""", "PATCH", $"/api/pets/{id}").WithIfMatch(read.Headers["ETag"]);
        await CallAsync("/pets/{id}", "PATCH", 412, stale, () => Function<UpdatePet>().Run(stale, id, default));

        var delete = Requests.Empty("DELETE", $"/api/pets/{id}").WithIfMatch(patched.Headers["ETag"]);
        await CallAsync("/pets/{id}", "DELETE", 202, delete, () => Function<DeletePet>().Run(delete, id, default));
        var deleted = Requests.Empty(path: $"/api/pets/{id}");
        await CallAsync("/pets/{id}", "GET", 200, deleted, () => Function<GetPet>().Run(deleted, id, default));

        var restore = Requests.Empty("POST", $"/api/pets/{id}/restore");
        await CallAsync("/pets/{id}/restore", "POST", 200, restore, () => Function<RestorePet>().Run(restore, id, default));
        var again = Requests.Empty("POST", $"/api/pets/{id}/restore");
        await CallAsync("/pets/{id}/restore", "POST", 409, again, () => Function<RestorePet>().Run(again, id, default));

        var forged = Requests.Empty(query: "?continuationToken=forged");
        await CallAsync("/pets", "GET", 400, forged, () => Function<ListPets>().Run(forged, default));
    }
}
