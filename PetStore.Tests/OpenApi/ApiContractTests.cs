using System.Text.Json.Nodes;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// The contract check itself: a real response passes, and each way a response can depart from the document (a shape,
/// a status, a header or a media type the document does not declare) fails with a message naming it.
/// </summary>
public class ApiContractTests
{
    private readonly App _app = new();

    private async Task<ApiResponse> GetPetAsync(string? id = null)
    {
        id ??= _app.Store.Seed(TestPets.New() with { Notes = "Welcome!", NextFeedingAt = TestPets.Start.AddDays(1) }).Pet.Id;
        var request = Requests.Empty(path: $"/api/pets/{id}");
        return await ApiCall.RunAsync(request, () => _app.Function<GetPet>().Run(request, id, default));
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(ApiResponse response) =>
        (await ServedDocument.ContractAsync()).Violations("/pets/{id}", "GET", response);

    private static ApiResponse WithPetField(ApiResponse response, string field, JsonNode? value)
    {
        var pet = response.Json!.AsObject();
        pet[field] = value;
        return response.WithBody(pet);
    }

    [Fact]
    public async Task Violations_RealPet_None() => Assert.Empty(await ViolationsAsync(await GetPetAsync()));

    [Fact]
    public async Task Violations_PetWithAFieldTheSchemaDoesNotDeclare_NameIt()
    {
        var violations = await ViolationsAsync(WithPetField(await GetPetAsync(), "colour", "red"));

        Assert.Contains(violations, v => v.Contains("colour", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("createdAt", "2026-11-29T12:00:00+00:00")]
    [InlineData("createdAt", "yesterday")]
    [InlineData("species", "dragon")]
    [InlineData("ageMonths", 601)]
    [InlineData("id", "not-a-pet-id")]
    [InlineData("notes", null)]
    public async Task Violations_PetFieldOutsideItsSchema_NameIt(string field, object? value)
    {
        var violations = await ViolationsAsync(WithPetField(await GetPetAsync(), field, JsonValue.Create(value)));

        Assert.Contains(violations, v => v.Contains($"/{field}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_PetWithoutARequiredField_NameIt()
    {
        var pet = (await GetPetAsync()).Json!.AsObject();
        pet.Remove("status");

        Assert.Contains(await ViolationsAsync((await GetPetAsync()).WithBody(pet)), v => v.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_StatusTheOperationDoesNotDeclare_NameIt()
    {
        var response = await GetPetAsync() with { Status = 201 };

        Assert.Equal(["GET /pets/{id} does not declare status 201."], await ViolationsAsync(response));
    }

    [Fact]
    public async Task Violations_RequiredHeaderMissing_NameIt()
    {
        var response = (await GetPetAsync()).WithHeader("ETag", null);

        Assert.Contains("Required header 'ETag' is missing from status 200.", await ViolationsAsync(response));
    }

    [Fact]
    public async Task Violations_HeaderTheResponseDoesNotDeclare_NameIt()
    {
        var response = (await GetPetAsync()).WithHeader("Retry-After", "5");

        Assert.Contains("Header 'Retry-After' is not declared for status 200.", await ViolationsAsync(response));
    }

    [Fact]
    public async Task Violations_HeaderValueOutsideItsSchema_NameIt()
    {
        var response = (await GetPetAsync()).WithHeader("ETag", "v1");

        Assert.Contains(await ViolationsAsync(response), v => v.StartsWith("Header 'ETag'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_ProblemServedAsPlainJson_NameTheMediaType()
    {
        var notFound = await GetPetAsync(Guid.CreateVersion7(TestPets.Start).ToString("N"));
        Assert.Empty(await ViolationsAsync(notFound));

        var violations = await ViolationsAsync(notFound.WithHeader("Content-Type", "application/json"));

        Assert.Contains(violations, v => v.Contains("'application/json' is not declared for status 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_ValidationProblemWithoutErrors_NameIt()
    {
        var request = Requests.Json("""{"name":""}""");
        var invalid = await ApiCall.RunAsync(request, () => _app.Function<CreatePet>().Run(request, default));
        var contract = await ServedDocument.ContractAsync();
        Assert.Empty(contract.Violations("/pets", "POST", invalid));
        var body = invalid.Json!.AsObject();
        body.Remove("errors");

        Assert.Contains(contract.Violations("/pets", "POST", invalid.WithBody(body)), v => v.Contains("errors", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Violations_BodyWhereTheDocumentDeclaresNone_Named()
    {
        var contract = await ServedDocument.ContractAsync();
        var notModified = new ApiResponse(304, new Dictionary<string, string> { ["ETag"] = "W/\"v1\"", ["x-correlation-id"] = "c1" }, []);
        Assert.Empty(contract.Violations("/pets/{id}", "GET", notModified));

        var violations = contract.Violations("/pets/{id}", "GET", notModified with { Body = "{}"u8.ToArray() });

        Assert.Contains(violations, v => v.Contains("declares no body", StringComparison.Ordinal));
    }
}
