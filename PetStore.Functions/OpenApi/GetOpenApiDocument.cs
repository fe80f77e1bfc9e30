using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace PetStore.Functions.OpenApi;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI 3.1 description of the HTTP API (<see cref="PetStoreApiDocument"/>),
/// for viewers and client generators. Anonymous on purpose: it holds no data and no secret, tools fetch it without a
/// key, and every operation it describes still needs one (see the README).
/// </summary>
public sealed class GetOpenApiDocument
{
    [Function(nameof(GetOpenApiDocument))]
    public ContentHttpResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = PetStoreApiDocument.Route)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Built and serialised once per worker; nothing in it depends on the request.
        return TypedResults.Text(PetStoreApiDocument.Json, PetStoreApiDocument.ContentType, Encoding.UTF8);
    }
}
