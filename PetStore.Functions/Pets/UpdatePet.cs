using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Http;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Pets;

internal sealed class UpdatePet(IPetStore store, TimeProvider time, ILogger<UpdatePet> logger)
{
    [Function(nameof(UpdatePet))]
    public async Task<Results<Ok<PetResponse>, ValidationProblem, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", "put", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (!PetId.IsWellFormed(id))
        {
            return Problems.PetNotFound();
        }

        var body = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (body.Rejected is { } rejected)
        {
            return rejected;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var errors = UpdatePetRequest.Validate(body.Root, out var update);
        if (update is null)
        {
            return Problems.Validation(errors);
        }

        var correlationId = CorrelationId.For(request);
        var result = await PetWriter.WriteAsync(
            store,
            id,
            request.Headers.IfMatch,
            pet => pet.IsDeleted
                ? new PetDecision.Refuse(Problems.Conflict("The pet is deleted. Restore it with POST /api/pets/{id}/restore before changing it."))
                : new PetDecision.Write(update.ApplyTo(pet, time.UtcNow())),
            beforeWrite: null,
            cancellationToken);
        if (result.Problem is { } problem)
        {
            return problem;
        }

        PetsLog.Updated(logger, id, correlationId);
        request.HttpContext.Response.Headers.ETag = result.Pet!.ETag;
        return TypedResults.Ok(PetResponse.From(result.Pet.Pet));
    }
}
