using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PetStore.Functions.Http;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Pets;

/// <summary><c>POST /api/pets/{id}/restore</c>: undoes a soft delete before the purge, back to the status the pet had.</summary>
public sealed class RestorePet(SoftDeletion softDeletion)
{
    [Function(nameof(RestorePet))]
    public async Task<Results<Ok<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pets/{id}/restore")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PetResults.TryReadIfMatch(request, out var precondition, out var problem))
        {
            return problem;
        }

        var outcome = await softDeletion.RestoreAsync(id, precondition, CorrelationId.Of(request), cancellationToken);
        return outcome.TryGetPet(out var stored) ? PetResults.Ok(request, stored) : PetResults.Problem(outcome);
    }
}
