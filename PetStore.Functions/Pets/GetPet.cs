using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using PetStore.Functions.Http;

namespace PetStore.Functions.Pets;

/// <summary>
/// <c>GET /api/pets/{id}</c>: one pet, soft-deleted or not, with its ETag; 304 Not Modified when
/// <c>If-None-Match</c> names the current version (RFC 9110 §13.1.2), so clients can cache.
/// </summary>
public sealed class GetPet(IPetStore store)
{
    [Function(nameof(GetPet))]
    public async Task<Results<Ok<PetResponse>, StatusCodeHttpResult, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!EntityTagList.TryParse(request.Headers.IfNoneMatch, out var ifNoneMatch))
        {
            return Problems.Field(HeaderNames.IfNoneMatch, "If-None-Match must be * or a comma-separated list of entity tags, such as the ETag header of the pet you read.");
        }

        if (!PetIds.IsWellFormed(id) || await store.FindAsync(id, cancellationToken) is not { } stored)
        {
            return PetResults.NotFound();
        }

        if (ifNoneMatch?.MatchesWeakly(stored.ETag) == true)
        {
            request.HttpContext.Response.Headers.ETag = stored.ETag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return PetResults.Ok(request, stored);
    }
}
