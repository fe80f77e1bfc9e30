using System.Net;

namespace PetStore.Tests.EndToEnd;

/// <summary>What only a deployed app does: the platform's function-key gate, with identity-backed storage behind it.</summary>
[Collection(E2ESuite.Name)]
public class DeployedAppTests(E2EHost host)
{
    [E2EFact(NeedsDeployedApp = true)]
    [Trait("Category", "E2E")]
    public async Task ListPets_WithFunctionKey_ReturnsOk()
    {
        using var response = await host.Client.GetAsync(PetsApi.Pets);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [E2EFact(NeedsDeployedApp = true)]
    [Trait("Category", "E2E")]
    public async Task ListPets_WithoutFunctionKey_IsUnauthorized()
    {
        using var client = host.CreateClientWithoutKey();

        using var response = await client.GetAsync(PetsApi.Pets);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
