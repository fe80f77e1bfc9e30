using System.Net;
using Microsoft.OpenApi;

namespace PetStore.Tests.EndToEnd;

/// <summary>The OpenAPI document through the real host: served under /api, without a key, as OpenAPI 3.1.</summary>
[Collection(E2ESuite.Name)]
public class ApiDescriptionTests(E2EHost host)
{
    private static readonly Uri Document = new("api/openapi.json", UriKind.Relative);

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task GetOpenApiDocument_ServesOpenApi31DescribingThePets()
    {
        using var response = await host.Client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (document, diagnostic) = OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), "json");
        Assert.Empty(diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Contains("/pets/{id}", document!.Paths.Keys);
    }

    [E2EFact(NeedsDeployedApp = true)]
    [Trait("Category", "E2E")]
    public async Task GetOpenApiDocument_WithoutFunctionKey_IsServed()
    {
        using var client = host.CreateClientWithoutKey();

        using var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
