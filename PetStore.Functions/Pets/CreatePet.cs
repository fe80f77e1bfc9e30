using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using PetStore.Functions.Http;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions.Pets;

/// <summary><c>POST /api/pets</c>: stores a new pet and asks for its feeding reminder.</summary>
public sealed class CreatePet(IPetStore store, IReminderQueue reminders, TimeProvider time, PetStoreMetrics metrics, ILogger<CreatePet> logger)
{
    [Function(nameof(CreatePet))]
    public async Task<Results<Created<PetResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "pets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await JsonRequest.ReadAsync<CreatePetRequest>(request, CreatePetRequest.Validate, cancellationToken);
        if (!read.TryGetValue(out var create, out var problem))
        {
            return problem;
        }

        var correlationId = CorrelationId.Of(request);
        var now = time.GetUtcNowWholeMilliseconds();
        var pet = create.ToPet(PetIds.New(time), now);

        // From the first write on, finish the work whatever the caller does: a pet must not be left without its
        // reminder message because the client hung up between the two writes.
        var stored = await AddAsync(pet, CancellationToken.None);
        try
        {
            await reminders.SendAsync(new ReminderMessage(pet.Id, correlationId, now), TimeSpan.Zero, CancellationToken.None);
        }
        catch (DependencyUnavailableException ex)
        {
            PetsLog.ReminderNotQueued(logger, pet.Id, correlationId, ex);
            await UndoAsync(stored, correlationId);
            return Problems.Unavailable("The feeding reminder could not be scheduled, so the pet was not created. Try again.");
        }

        PetsLog.Created(logger, pet.Id, correlationId);
        metrics.PetCreated();
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Created($"/api/pets/{pet.Id}", PetResponse.From(stored.Pet));
    }

    private async Task<StoredPet> AddAsync(Pet pet, CancellationToken cancellationToken)
    {
        try
        {
            return await store.AddAsync(pet, cancellationToken);
        }
        catch (PetAlreadyExistsException)
        {
            // Ids are fresh UUIDv7s, so the only way the id exists is that the SDK retried an insert whose first
            // attempt landed after all: that row is this pet.
            return await store.FindAsync(pet.Id, cancellationToken) ?? throw new InvalidOperationException($"Pet '{pet.Id}' vanished right after it was added.");
        }
    }

    private async Task UndoAsync(StoredPet stored, string correlationId)
    {
        try
        {
            await store.RemoveAsync(stored.Pet.Id, stored.ETag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DependencyUnavailableException or PetChangedException)
        {
            PetsLog.CreateNotUndone(logger, stored.Pet.Id, correlationId, ex);
        }
    }
}
