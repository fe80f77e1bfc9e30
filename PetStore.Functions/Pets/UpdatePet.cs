using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Http;
using PetStore.Functions.Reminders;

namespace PetStore.Functions.Pets;

/// <summary><c>PATCH</c> and <c>PUT /api/pets/{id}</c>: a partial update, conditional on <c>If-Match</c> when sent.</summary>
public sealed class UpdatePet(PetUpdater updater, IReminderQueue reminders, TimeProvider time, ILogger<UpdatePet> logger)
{
    [Function(nameof(UpdatePet))]
    public async Task<Results<Ok<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "patch", "put", Route = "pets/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PetIds.IsWellFormed(id))
        {
            return PetResults.NotFound();
        }

        if (!PetResults.TryReadIfMatch(request, out var precondition, out var badPrecondition))
        {
            return badPrecondition;
        }

        var read = await JsonRequest.ReadAsync<UpdatePetRequest>(request, UpdatePetRequest.Validate, cancellationToken);
        if (!read.TryGetValue(out var update, out var problem))
        {
            return problem;
        }

        var now = time.GetUtcNowWholeMilliseconds();
        var correlationId = CorrelationId.Of(request);
        var outcome = await updater.UpdateAsync(
            id,
            precondition,
            pet => pet.IsDeleted
                ? new PetDecision.Refuse(PetRefusal.IsDeleted)
                : new PetDecision.Write(update.ApplyTo(pet, now)),
            // A live pet whose reminder message was lost gets one asked for again; before the write, so that a queue
            // outage fails the update instead of leaving the pet without one. A duplicate is harmless: the job skips
            // a pet that has its reminder.
            beforeWrite: (pet, ct) => ReminderRequests.IsNeededFor(pet)
                ? reminders.SendAsync(new ReminderMessage(id, correlationId, now), TimeSpan.Zero, ct)
                : Task.CompletedTask,
            cancellationToken);
        if (!outcome.TryGetPet(out var stored))
        {
            return PetResults.Problem(outcome);
        }

        PetsLog.Updated(logger, id, correlationId);
        return PetResults.Ok(request, stored);
    }
}
