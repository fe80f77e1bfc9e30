using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Http;
using PetStore.Functions.Storage;

namespace PetStore.Functions.Pets;

/// <summary>What a change makes of the pet as it is now.</summary>
internal abstract record PetDecision
{
    /// <summary>Store this version of the pet.</summary>
    public sealed record Write(Pet Pet) : PetDecision;

    /// <summary>The pet is already as asked; store nothing.</summary>
    public sealed record Keep : PetDecision;

    /// <summary>The change is not allowed for the pet as it is.</summary>
    public sealed record Refuse(ProblemHttpResult Problem) : PetDecision;
}

internal sealed record PetWriteResult(StoredPet? Pet, ProblemHttpResult? Problem);

/// <summary>
/// Read, decide, write with the ETag that was read. A conditional write that loses a race re-reads and decides
/// again, so a change never overwrites one it did not see (such as the reminder job's); a caller that pinned a
/// version with If-Match gets a 412 instead, because its decision was made on that version.
/// </summary>
internal static class PetWriter
{
    public const int MaxAttempts = 5;

    public static async Task<PetWriteResult> WriteAsync(
        IPetStore store,
        string id,
        string? ifMatch,
        Func<Pet, PetDecision> decide,
        Func<Pet, Task>? beforeWrite,
        CancellationToken cancellationToken)
    {
        if (!PetId.IsWellFormed(id))
        {
            return new(null, Problems.PetNotFound());
        }

        var pinned = !string.IsNullOrEmpty(ifMatch) && ifMatch != "*";
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await store.FindAsync(id, cancellationToken);
            if (current is null)
            {
                return new(null, Problems.PetNotFound());
            }

            if (pinned && !string.Equals(ifMatch, current.ETag, StringComparison.Ordinal))
            {
                return new(null, Problems.PetChanged());
            }

            switch (decide(current.Pet))
            {
                case PetDecision.Refuse refuse:
                    return new(null, refuse.Problem);
                case PetDecision.Keep:
                    return new(current, null);
                case PetDecision.Write write:
                    if (beforeWrite is not null)
                    {
                        await beforeWrite(write.Pet);
                    }

                    try
                    {
                        return new(await store.ReplaceAsync(write.Pet, current.ETag, cancellationToken), null);
                    }
                    catch (PetChangedException) when (!pinned)
                    {
                        // Someone else wrote in between: read again and decide on what they wrote.
                    }
                    catch (PetChangedException)
                    {
                        return new(null, Problems.PetChanged());
                    }

                    break;
                default:
                    throw new InvalidOperationException("Unknown decision.");
            }
        }

        return new(null, Problems.Conflict("The pet is being changed by other requests right now. Try again."));
    }
}
