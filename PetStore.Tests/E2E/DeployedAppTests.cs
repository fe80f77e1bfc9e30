using System.Net;

namespace PetStore.Tests.E2E;

/// <summary>Checks that only a deployed app can answer: the platform's function-key gate and the identity-backed storage behind it.</summary>
[Trait("Category", "E2E")]
public sealed class DeployedAppTests
{
    [DeployedAppFact]
    public async Task ListPets_WithFunctionKey_ReturnsOk()
    {
        using var client = E2ETarget.FromEnvironment()!.CreateClient();

        using var response = await client.GetAsync(new Uri("api/pets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DeployedAppFact]
    public async Task ListPets_WithoutFunctionKey_IsUnauthorized()
    {
        using var client = (E2ETarget.FromEnvironment()! with { FunctionKey = null }).CreateClient();

        using var response = await client.GetAsync(new Uri("api/pets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
