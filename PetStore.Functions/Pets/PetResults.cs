using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PetStore.Functions.Http;

namespace PetStore.Functions.Pets;

/// <summary>The one place where the pet API turns what happened to a pet into HTTP.</summary>
internal static class PetResults
{
    /// <summary>The request's <c>If-Match</c> as a precondition, or the 400 for a header that is not one.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out PetPrecondition precondition, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        if (!EntityTagList.TryParse(request.Headers.IfMatch, out var list))
        {
            precondition = PetPrecondition.None;
            problem = Problems.Field(HeaderNames.IfMatch, "If-Match must be * or a comma-separated list of entity tags, such as the ETag header of the pet you read.");
            return false;
        }

        precondition = list is null || list.IsAny ? PetPrecondition.None : PetPrecondition.OneOf(list.Tags);
        problem = null;
        return true;
    }

    public static ProblemHttpResult NotFound() =>
        Problems.NotFound("Pet not found", "No pet has this id. It may never have existed, or it was purged after its retention period.");

    /// <summary>The problem for an outcome that did not leave the pet as asked.</summary>
    /// <exception cref="ArgumentException">The outcome is a success (<see cref="PetWriteOutcome.TryGetPet"/> is true).</exception>
    public static ProblemHttpResult Problem(PetWriteOutcome outcome) => outcome switch
    {
        PetWriteOutcome.NotFound => NotFound(),
        PetWriteOutcome.Stale => Problems.PreconditionFailed(
            "The pet has changed",
            "The pet no longer matches the If-Match ETag. Read it again and retry with the new ETag."),
        PetWriteOutcome.Refused { Reason: PetRefusal.IsDeleted } => Problems.Conflict(
            "The pet is deleted. Restore it with POST /api/pets/{id}/restore before changing it."),
        PetWriteOutcome.Refused { Reason: PetRefusal.IsNotDeleted } => Problems.Conflict(
            "The pet is not deleted, so there is nothing to restore."),
        PetWriteOutcome.Contended => Problems.Conflict("The pet is being changed by other requests right now. Try again."),
        _ => throw new ArgumentException($"{outcome.GetType().Name} is not a failure.", nameof(outcome)),
    };

    /// <summary>200 with the pet, and its ETag in the response headers.</summary>
    public static Ok<PetResponse> Ok(HttpRequest request, StoredPet stored)
    {
        request.HttpContext.Response.Headers.ETag = stored.ETag;
        return TypedResults.Ok(PetResponse.From(stored.Pet));
    }
}
