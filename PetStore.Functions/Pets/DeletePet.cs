using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Http;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Pets;

internal sealed class DeletePet(IPetStore store, TimeProvider time, IOptions<PetOptions> options, ILogger<DeletePet> logger)
{
    [Function(nameof(DeletePet))]
    public async Task<Results<Accepted<DeletePetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var correlationId = CorrelationId.For(request);
        var now = time.UtcNow();
        var entry = new PurgeEntry(id, now + options.Value.RetentionPeriod, correlationId);

        // The index entry goes first: a crash after it leaves an entry the purge job discards, while the other
        // order could leave a deleted pet that is never purged.
        var result = await PetWriter.WriteAsync(
            store,
            id,
            request.Headers.IfMatch,
            pet => pet.IsDeleted ? new PetDecision.Keep() : new PetDecision.Write(pet.SoftDelete(now, entry.PurgeAt)),
            beforeWrite: _ => store.SavePurgeEntryAsync(entry, cancellationToken),
            cancellationToken);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        var stored = result.Pet!;
        if (stored.Pet.PurgeAt == entry.PurgeAt)
        {
            PetsLog.SoftDeleted(logger, id, entry.PurgeAt, correlationId);
            await ConfirmAsync(entry with { PetETag = stored.ETag }, correlationId);
        }

        var purgeAt = stored.Pet.PurgeAt!.Value;
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Accepted(
            $"/api/pets/{id}",
            new DeletePetResponse(
                $"Pet deleted. It can be restored with POST /api/pets/{id}/restore until {purgeAt.UtcDateTime:O}, when it is purged for good.",
                id,
                purgeAt.UtcDateTime));
    }

    /// <summary>
    /// Records the deleted pet's ETag in its index entry so that the purge job can delete it without reading it.
    /// Best effort: without the ETag the job reads the pet first, which is slower but as correct.
    /// </summary>
    private async Task ConfirmAsync(PurgeEntry entry, string correlationId)
    {
        try
        {
            await store.SavePurgeEntryAsync(entry, CancellationToken.None);
        }
        catch (StorageUnavailableException ex)
        {
            PetsLog.PurgeEntryNotConfirmed(logger, entry.PetId, correlationId, ex);
        }
    }
}
