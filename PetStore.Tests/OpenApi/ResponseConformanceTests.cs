using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PetStore.Functions;
using PetStore.Functions.Http;
using PetStore.Functions.OpenApi;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// Every response each HTTP function can give, produced by the real function (and the app's HTTP middleware) over
/// fakes of the storage seam, checked against the OpenAPI document the app serves: declared status, media type,
/// body schema and headers. Each theory is named after the operation id it covers, and
/// <see cref="EveryDeclaredResponse_IsProducedByATestHere"/> holds the document to what these tests produce.
/// </summary>
public class ResponseConformanceTests
{
    /// <summary>Responses the document declares that no in-process test can produce, each with the reason.</summary>
    private static readonly Dictionary<string, string> NotProducedHere = new(StringComparer.Ordinal)
    {
        ["401"] = "The platform answers it before the app runs (DeployedAppTests checks it against Azure).",
    };

    private readonly App _app = new();

    private static string ValidPet => """{"name":"Rex","species":"dog","ageMonths":14}""";

    [Theory]
    [InlineData(201)]
    [InlineData(400)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task CreatePet_Response_KeepsTheDocument(int status)
    {
        var request = status switch
        {
            400 => Requests.Json("""{"name":"","species":"dragon","ageMonths":2.5,"colour":"red"}"""),
            413 => Requests.Json($$"""{"name":"{{new string('a', JsonRequest.MaxBodyBytes)}}"}"""),
            415 => Requests.WithBody(Encoding.UTF8.GetBytes(ValidPet), "POST", "/api/pets", "text/plain"),
            _ => Requests.Json(ValidPet),
        };
        Fail(status, _app.Store, onlyAt: "Add");
        if (status == 503)
        {
            // The reminder queue is down: the function answers 503 itself, after undoing the insert.
            _app.Queue.BeforeCall = _ => throw new DependencyUnavailableException("queue down");
        }

        await AssertKeepsAsync("/pets", "POST", status, request, () => _app.Function<CreatePet>().Run(request, default));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ListPets_Response_KeepsTheDocument(int status)
    {
        for (var i = 0; i < 3; i++)
        {
            _app.Store.Seed(TestPets.New(id: Guid.CreateVersion7(TestPets.Start.AddSeconds(i)).ToString("N")));
        }

        // pageSize=1 so that the 200 carries a nextLink too.
        var request = Requests.Empty(query: status == 400 ? "?pageSize=0&species=dragon" : "?pageSize=1&species=dog");
        Fail(status, _app.Store);

        await AssertKeepsAsync("/pets", "GET", status, request, () => _app.Function<ListPets>().Run(request, default));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(304)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task GetPet_Response_KeepsTheDocument(int status)
    {
        var stored = Seed();
        var id = status == 404 ? Guid.CreateVersion7(TestPets.Start).ToString("N") : stored.Pet.Id;
        var request = Requests.Empty(path: $"/api/pets/{id}");
        if (status is 304 or 400)
        {
            request.Headers.IfNoneMatch = status == 304 ? $"\"other\", {stored.ETag}" : "not-an-etag";
        }

        Fail(status, _app.Store);

        await AssertKeepsAsync("/pets/{id}", "GET", status, request, () => _app.Function<GetPet>().Run(request, id, default));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(500)]
    [InlineData(503)]
    public Task UpdatePet_Response_KeepsTheDocument(int status) => UpdateAsync("PATCH", status);

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(500)]
    [InlineData(503)]
    public Task UpdatePetWithPut_Response_KeepsTheDocument(int status) => UpdateAsync("PUT", status);

    [Theory]
    [InlineData(202)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task DeletePet_Response_KeepsTheDocument(int status)
    {
        var stored = Seed();
        var id = status == 404 ? Guid.CreateVersion7(TestPets.Start.AddDays(1)).ToString("N") : stored.Pet.Id;
        var request = Requests.Empty("DELETE", $"/api/pets/{id}");
        if (status is 412 or 400)
        {
            request.WithIfMatch(status == 412 ? "W/\"stale\"" : "stale");
        }

        if (status == 409)
        {
            // Another writer wins every race, until the function gives up.
            _app.Store.BeforeCall = call =>
            {
                if (call.Operation == "Replace")
                {
                    _app.Store.Overwrite(_app.Store[call.PetId!]!.Pet);
                }
            };
        }

        Fail(status, _app.Store);

        await AssertKeepsAsync("/pets/{id}", "DELETE", status, request, () => _app.Function<DeletePet>().Run(request, id, default));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task RestorePet_Response_KeepsTheDocument(int status)
    {
        var pet = TestPets.New();
        var stored = _app.Store.Seed(status == 409 ? pet : pet.SoftDelete(TestPets.Start, TestPets.Start.AddDays(30)));
        var id = status == 404 ? Guid.CreateVersion7(TestPets.Start.AddDays(1)).ToString("N") : stored.Pet.Id;
        var request = Requests.Empty("POST", $"/api/pets/{id}/restore");
        if (status is 412 or 400)
        {
            request.WithIfMatch(status == 412 ? "W/\"stale\"" : "stale");
        }

        Fail(status, _app.Store);

        await AssertKeepsAsync("/pets/{id}/restore", "POST", status, request, () => _app.Function<RestorePet>().Run(request, id, default));
    }

    [Theory]
    [InlineData(200)]
    public async Task GetOpenApiDocument_Response_KeepsTheDocument(int status)
    {
        var response = await ServedDocument.ResponseAsync();

        Assert.Equal(status, response.Status);
        Assert.Empty((await ServedDocument.ContractAsync()).Violations("/openapi.json", "GET", response));
    }

    [Fact]
    public async Task EveryDeclaredResponse_IsProducedByATestHere()
    {
        var contract = await ServedDocument.ContractAsync();
        var produced = typeof(ResponseConformanceTests).GetMethods()
            .Where(m => m.Name.EndsWith("_Response_KeepsTheDocument", StringComparison.Ordinal))
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>().Select(d => $"{m.Name.Split('_')[0]} {d.GetData(m).Single()[0]}"))
            .ToHashSet(StringComparer.Ordinal);

        var declared = contract.Root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _)))
            .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject()
                .Select(r => (Key: $"{operation.Value.GetProperty("operationId").GetString()} {r.Name}", Status: r.Name)))
            .Where(r => !NotProducedHere.ContainsKey(r.Key) && !NotProducedHere.ContainsKey(r.Status))
            .Select(r => r.Key)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(declared.Order(StringComparer.Ordinal), produced.Order(StringComparer.Ordinal));
    }

    private async Task UpdateAsync(string method, int status)
    {
        var stored = _app.Store.Seed(status == 409 ? TestPets.New().SoftDelete(TestPets.Start, TestPets.Start.AddDays(30)) : TestPets.New());
        var id = status == 404 ? Guid.CreateVersion7(TestPets.Start.AddDays(1)).ToString("N") : stored.Pet.Id;
        var path = $"/api/pets/{id}";
        var request = status switch
        {
            400 => Requests.Json("""{"status":"deleted","colour":"red"}""", method, path),
            413 => Requests.Json($$"""{"name":"{{new string('a', JsonRequest.MaxBodyBytes)}}"}""", method, path),
            415 => Requests.WithBody(Encoding.UTF8.GetBytes("""{"ageMonths":15}"""), method, path, "application/json; charset=utf-16"),
            _ => Requests.Json("""{"ageMonths":15,"status":"available"}""", method, path),
        };
        if (status == 412)
        {
            request.WithIfMatch("W/\"stale\"");
        }

        Fail(status, _app.Store);

        await AssertKeepsAsync("/pets/{id}", method, status, request, () => _app.Function<UpdatePet>().Run(request, id, default));
    }

    private StoredPet Seed() => _app.Store.Seed(TestPets.New());

    /// <summary>For a 500 or a 503, makes the store fail as a bug or an outage would (on every call, or only at one).</summary>
    private static void Fail(int status, InMemoryPetStore store, string? onlyAt = null)
    {
        Exception? fault = status switch
        {
            500 => new InvalidOperationException("a bug"),
            503 when onlyAt is null => new DependencyUnavailableException("storage down"),
            _ => null,
        };
        if (fault is not null)
        {
            store.BeforeCall = call =>
            {
                if (onlyAt is null || call.Operation == onlyAt)
                {
                    throw fault;
                }
            };
        }
    }

    private static async Task AssertKeepsAsync<TResult>(string path, string method, int status, HttpRequest request, Func<Task<TResult>> function)
        where TResult : IResult
    {
        request.Headers[CorrelationId.HeaderName] = "conformance-1";
        var response = await ApiCall.RunAsync(request, function);

        Assert.Equal(status, response.Status);
        Assert.Equal("conformance-1", response.Headers[CorrelationId.HeaderName]);
        var violations = (await ServedDocument.ContractAsync()).Violations(path, method, response);
        Assert.True(violations.Count == 0, $"{method} {path} {status} breaks {PetStoreApiDocument.Route}:\n{string.Join("\n", violations)}\n{Encoding.UTF8.GetString(response.Body)}");
    }
}
