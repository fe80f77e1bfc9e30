using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using PetStore.Functions.Http;
using PetStore.Functions.OpenApi;
using PetStore.Functions.Pets;
using PetStore.Tests.Contract;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// The document <c>GET /api/openapi.json</c> serves: valid OpenAPI 3.1 by Microsoft.OpenApi's reader and rules, the
/// same routes, methods and authorization as the functions the host runs, and the validation limits the code enforces,
/// checked both ways: the numbers equal the code's constants, and the functions accept the document's limits and
/// reject one step beyond them.
/// </summary>
public class OpenApiDocumentTests
{
    private readonly App _app = new();

    private static async Task<OpenApiDocument> ParsedAsync()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(await ServedDocument.JsonAsync(), "json");
        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        return document!;
    }

    private static (string Path, string Method) Operation(string route, string method) => ("/" + route, method.ToUpperInvariant());

    [Fact]
    public async Task GetOpenApiDocument_ServesTheDocumentAsUtf8Json()
    {
        var response = await ServedDocument.ResponseAsync();

        Assert.Equal(StatusCodes.Status200OK, response.Status);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal(PetStoreApiDocument.Json, await ServedDocument.JsonAsync());
    }

    [Fact]
    public async Task Document_ParsesAsOpenApi31WithoutErrorsOrWarnings()
    {
        var (document, diagnostic) = OpenApiDocument.Parse(await ServedDocument.JsonAsync(), "json");

        Assert.NotNull(document);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic!.SpecificationVersion);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Empty(diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public async Task Document_RoutesAndMethods_AreExactlyTheHttpFunctions()
    {
        var document = await ParsedAsync();

        var described = document.Paths.SelectMany(p => p.Value.Operations!.Keys.Select(m => (p.Key, m.Method.ToUpperInvariant())));
        var hosted = FunctionsMetadata.Http.SelectMany(f => f.Methods.Select(m => Operation(f.Route!, m)));

        Assert.Equal(hosted.Order(), described.Order());
    }

    [Fact]
    public async Task Document_Server_IsTheHostsRoutePrefix()
    {
        var document = await ParsedAsync();
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));

        // The paths are the functions' routes, so the server is the prefix the host puts before them: /api unless
        // host.json sets extensions.http.routePrefix.
        Assert.False(host.RootElement.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("http", out _));
        Assert.Equal("/api", Assert.Single(document.Servers!).Url);
    }

    [Fact]
    public async Task Document_Security_IsTheFunctionKeyExactlyWhereTheFunctionNeedsOne()
    {
        var document = await ParsedAsync();

        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal((ParameterLocation.Header, "x-functions-key"), (schemes["functionKeyHeader"].In!.Value, schemes["functionKeyHeader"].Name));
        Assert.Equal((ParameterLocation.Query, "code"), (schemes["functionKeyQuery"].In!.Value, schemes["functionKeyQuery"].Name));
        Assert.Equal(
            ["functionKeyHeader", "functionKeyQuery"],
            document.Security!.Select(r => Assert.Single(r.Keys).Reference.Id).Order(StringComparer.Ordinal));
        Assert.All(FunctionsMetadata.Http, function =>
        {
            var operation = document.Paths["/" + function.Route].Operations![HttpMethod.Parse(function.Methods[0])];
            var anonymous = function.AuthLevel == "Anonymous";

            // An operation without its own security uses the document's: a function key.
            Assert.True(anonymous == operation.Security is { Count: 0 }, $"{function.Name} has authLevel {function.AuthLevel} but the document says otherwise.");
        });
    }

    [Fact]
    public async Task Document_Limits_AreTheCodesConstants()
    {
        var schemas = (await ParsedAsync()).Components!.Schemas!;
        var pageSize = ListPetsParameter(await ParsedAsync(), "pageSize");

        Assert.Equal(PetFields.MaxNameLength, NameLimit(schemas["PetName"]));
        Assert.Equal(("0", PetFields.MaxAgeMonths.ToString(CultureInfo.InvariantCulture)), (schemas["AgeMonths"].Minimum, schemas["AgeMonths"].Maximum));
        Assert.Equal(("1", ListPetsRequest.MaxPageSize.ToString(CultureInfo.InvariantCulture)), (pageSize.Minimum, pageSize.Maximum));
        Assert.Equal(ListPetsRequest.DefaultPageSize, pageSize.Default!.GetValue<int>());
        Assert.Equal($"^[0-9a-f]{{{PetIds.Length}}}$", schemas["PetId"].Pattern);
        Assert.Equal($"^[A-Za-z0-9._-]{{1,{CorrelationId.MaxLength}}}$", (await ParsedAsync()).Components!.Headers!["CorrelationId"].Schema!.Pattern);
    }

    [Fact]
    public async Task CreatePet_AtTheDocumentsNameAndAgeLimits_AcceptsThemAndRejectsOneBeyond()
    {
        var schemas = (await ParsedAsync()).Components!.Schemas!;
        var maxName = NameLimit(schemas["PetName"]);
        var minAge = int.Parse(schemas["AgeMonths"].Minimum!, CultureInfo.InvariantCulture);
        var maxAge = int.Parse(schemas["AgeMonths"].Maximum!, CultureInfo.InvariantCulture);

        Assert.IsType<Created<PetResponse>>(await CreateAsync(new string('a', maxName), minAge));
        Assert.IsType<Created<PetResponse>>(await CreateAsync("Rex", maxAge));
        Assert.Contains("name", ProblemAssert.Errors(await CreateAsync(new string('a', maxName + 1), minAge)).Keys);
        Assert.Contains("ageMonths", ProblemAssert.Errors(await CreateAsync("Rex", minAge - 1)).Keys);
        Assert.Contains("ageMonths", ProblemAssert.Errors(await CreateAsync("Rex", maxAge + 1)).Keys);
    }

    [Fact]
    public async Task ListPets_AtTheDocumentsPageSizeLimits_AcceptsThemAndRejectsOneBeyond()
    {
        var pageSize = ListPetsParameter(await ParsedAsync(), "pageSize");
        var min = int.Parse(pageSize.Minimum!, CultureInfo.InvariantCulture);
        var max = int.Parse(pageSize.Maximum!, CultureInfo.InvariantCulture);
        for (var i = 0; i < max + 1; i++)
        {
            _app.Store.Seed(TestPets.New(id: Guid.CreateVersion7(TestPets.Start.AddSeconds(i)).ToString("N")));
        }

        Assert.Equal(min, (await ListAsync($"?pageSize={min}")).Count);
        Assert.Equal(max, (await ListAsync($"?pageSize={max}")).Count);
        Assert.Equal(pageSize.Default!.GetValue<int>(), (await ListAsync("")).Count);
        Assert.Contains("pageSize", ProblemAssert.Errors(await ListResultAsync($"?pageSize={min - 1}")).Keys);
        Assert.Contains("pageSize", ProblemAssert.Errors(await ListResultAsync($"?pageSize={max + 1}")).Keys);
    }

    private static int NameLimit(IOpenApiSchema name) =>
        ((JsonNodeExtension)name.Extensions![PetStoreApiDocument.MaxTextElementsKeyword]).Node.GetValue<int>();

    private static IOpenApiSchema ListPetsParameter(OpenApiDocument document, string name) =>
        document.Paths["/pets"].Operations![HttpMethod.Get].Parameters!.Single(p => p.Name == name).Schema!;

    private async Task<IResult> CreateAsync(string name, int ageMonths) =>
        (await _app.Function<CreatePet>().Run(Requests.Json($$"""{"name":"{{name}}","species":"cat","ageMonths":{{ageMonths}}}"""), default)).Result;

    private async Task<IResult> ListResultAsync(string query) =>
        (await _app.Function<ListPets>().Run(Requests.Empty(query: query), default)).Result;

    private async Task<IReadOnlyList<PetResponse>> ListAsync(string query) =>
        Assert.IsType<Ok<PetListResponse>>(await ListResultAsync(query)).Value!.Value;
}
