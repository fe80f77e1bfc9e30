using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PetStore.Functions.Http;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Pets;

internal sealed class GetPet(IPetStore store)
{
    [Function(nameof(GetPet))]
    public async Task<Results<Ok<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!PetId.IsWellFormed(id) || await store.FindAsync(id, cancellationToken) is not { } stored)
        {
            return Problems.PetNotFound();
        }

        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(PetResponse.From(stored.Pet));
    }
}
