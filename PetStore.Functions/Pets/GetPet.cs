using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace PetStore.Functions.Pets;

/// <summary><c>GET /api/pets/{id}</c>: one pet, soft-deleted or not, with its ETag.</summary>
public sealed class GetPet(IPetStore store)
{
    [Function(nameof(GetPet))]
    public async Task<Results<Ok<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PetIds.IsWellFormed(id) || await store.FindAsync(id, cancellationToken) is not { } stored)
        {
            return PetResults.NotFound();
        }

        return PetResults.Ok(request, stored);
    }
}
