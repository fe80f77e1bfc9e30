using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PetStore.Functions.Http;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Pets;

/// <summary><c>DELETE /api/pets/{id}</c>: a soft delete; the pet can be restored until its purge time.</summary>
public sealed class DeletePet(SoftDeletion softDeletion)
{
    [Function(nameof(DeletePet))]
    public async Task<Results<Accepted<DeletePetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PetResults.TryReadIfMatch(request, out var precondition, out var problem))
        {
            return problem;
        }

        var outcome = await softDeletion.DeleteAsync(id, precondition, CorrelationId.Of(request), cancellationToken);
        if (!outcome.TryGetPet(out var stored) || stored.Pet.PurgeAt is not { } purgeAt)
        {
            return PetResults.Problem(outcome);
        }

        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Accepted(
            $"/api/pets/{id}",
            new DeletePetResponse(
                $"Pet deleted. It can be restored with POST /api/pets/{id}/restore until {purgeAt.UtcDateTime:O}, when it is purged for good.",
                id,
                purgeAt.UtcDateTime));
    }
}
