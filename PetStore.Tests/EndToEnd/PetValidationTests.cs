using System.Net;
using System.Text;

namespace PetStore.Tests.EndToEnd;

[Collection(E2ESuite.Name)]
public class PetValidationTests(E2EHost host)
{
    private readonly HttpClient _client = host.Client;

    [E2ETheory]
    [Trait("Category", "E2E")]
    [InlineData("""{"name": "   ", "species": "dog", "ageMonths": 1}""", "name")]
    [InlineData("""{"name": "Rex", "species": "dragon", "ageMonths": 1}""", "species")]
    [InlineData("""{"name": "Rex", "species": "dog", "ageMonths": 2.5}""", "ageMonths")]
    [InlineData("""{"name": "Rex", "species": "dog", "ageMonths": -1}""", "ageMonths")]
    [InlineData("""{"name": "Rex", "species": "dog", "ageMonths": "3"}""", "ageMonths")]
    [InlineData("""{"name": "Rex", "species": "dog", "ageMonths": 1, "colour": "brown"}""", "colour")]
    [InlineData("""{"name": "Rex", "species": "dog", "ageMonths": 1, "status": "adopted"}""", "status")]
    [InlineData("""{"name": "Rex", "species": "dog",""", "body")]
    [InlineData("""[{"name": "Rex", "species": "dog", "ageMonths": 1}]""", "body")]
    public async Task CreatePet_InvalidBody_Returns400ProblemNamingField(string json, string field)
    {
        using var response = await _client.SendJsonAsync(HttpMethod.Post, PetsApi.Pets, json);

        await PetsApi.AssertValidationProblemAsync(response, field);
    }

    [E2ETheory]
    [Trait("Category", "E2E")]
    [InlineData("{}", "body")]
    [InlineData("""{"status": "deleted"}""", "status")]
    [InlineData("""{"id": "0123456789abcdef0123456789abcdef"}""", "id")]
    public async Task UpdatePet_InvalidBody_Returns400ProblemNamingField(string json, string field)
    {
        var pet = await _client.CreatePetAsync(PetsApi.UniqueMarker("invalid-update"));

        using var response = await _client.SendJsonAsync(HttpMethod.Patch, PetsApi.Pet(pet.Id), json);

        await PetsApi.AssertValidationProblemAsync(response, field);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task CreatePet_NonJsonContentType_Returns415Problem()
    {
        using var content = new StringContent("name=Rex&species=dog&ageMonths=1", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await _client.PostAsync(PetsApi.Pets, content);

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task CreatePet_BodyOver64KiB_Returns413Problem()
    {
        // Well-formed JSON, so only its size can be the reason.
        var json = $$"""{"name": "Rex", "species": "dog", "ageMonths": 1, "padding": "{{new string('x', 64 * 1024)}}"}""";

        using var response = await _client.SendJsonAsync(HttpMethod.Post, PetsApi.Pets, json);

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task GetPet_UnknownId_Returns404Problem()
    {
        using var response = await _client.GetAsync(PetsApi.Pet(Guid.CreateVersion7().ToString("N")));

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [E2ETheory]
    [Trait("Category", "E2E")]
    [InlineData("not-a-pet!")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdeg")]
    [InlineData("0123456789abcdef")]
    public async Task GetPet_MalformedId_Returns404Problem(string id)
    {
        using var response = await _client.GetAsync(PetsApi.Pet(id));

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task DeletePet_UnknownId_Returns404Problem()
    {
        using var response = await _client.DeleteAsync(PetsApi.Pet(Guid.CreateVersion7().ToString("N")));

        await PetsApi.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
