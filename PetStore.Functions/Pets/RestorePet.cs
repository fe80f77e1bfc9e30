using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Http;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Pets;

internal sealed class RestorePet(IPetStore store, TimeProvider time, ILogger<RestorePet> logger)
{
    [Function(nameof(RestorePet))]
    public async Task<Results<Ok<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pets/{id}/restore")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var correlationId = CorrelationId.For(request);
        PurgeEntry? entry = null;
        var result = await PetWriter.WriteAsync(
            store,
            id,
            request.Headers.IfMatch,
            pet =>
            {
                if (!pet.IsDeleted)
                {
                    return new PetDecision.Refuse(Problems.Conflict("The pet is not deleted, so there is nothing to restore."));
                }

                entry = new PurgeEntry(pet.Id, pet.PurgeAt!.Value, correlationId);
                return new PetDecision.Write(pet.Restore(time.UtcNow()));
            },
            beforeWrite: null,
            cancellationToken);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        PetsLog.Restored(logger, id, correlationId);
        await ForgetAsync(entry!, correlationId);
        request.HttpContext.Response.Headers.ETag = result.Pet!.ETag;
        return TypedResults.Ok(PetResponse.From(result.Pet.Pet));
    }

    /// <summary>Best effort: an entry left behind no longer matches the pet, and the purge job discards it.</summary>
    private async Task ForgetAsync(PurgeEntry entry, string correlationId)
    {
        try
        {
            await store.RemovePurgeEntriesAsync([entry], CancellationToken.None);
        }
        catch (StorageUnavailableException ex)
        {
            PetsLog.PurgeEntryNotRemoved(logger, entry.PetId, correlationId, ex);
        }
    }
}
