using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace PetStore.Functions.Pets;

/// <summary>What a change makes of the pet as it is now.</summary>
public abstract record PetDecision
{
    private PetDecision()
    {
    }

    /// <summary>Store this version of the pet.</summary>
    public sealed record Write(Pet Pet) : PetDecision;

    /// <summary>The pet is already as asked; store nothing.</summary>
    public sealed record Keep : PetDecision;

    /// <summary>The change is not allowed for the pet as it is.</summary>
    public sealed record Refuse(PetRefusal Reason) : PetDecision;
}

/// <summary>Why a change was refused.</summary>
public enum PetRefusal
{
    /// <summary>The pet is soft-deleted; only a restore may change it.</summary>
    IsDeleted,

    /// <summary>The change only applies to a soft-deleted pet, and this one is not.</summary>
    IsNotDeleted,
}

/// <summary>How a read-decide-write ended. Callers map it to their own terms (an HTTP result, a job outcome).</summary>
public abstract record PetWriteOutcome
{
    private PetWriteOutcome()
    {
    }

    /// <summary>The change was stored: <see cref="Before"/> is the version it was decided on, <see cref="After"/> the one written.</summary>
    public sealed record Written(StoredPet Before, StoredPet After) : PetWriteOutcome;

    /// <summary>The pet already was as asked; nothing was written.</summary>
    public sealed record Unchanged(StoredPet Current) : PetWriteOutcome;

    /// <summary>No pet has this id (or the id cannot name one).</summary>
    public sealed record NotFound : PetWriteOutcome;

    /// <summary>The pet is no longer at the version the caller pinned with If-Match.</summary>
    public sealed record Stale : PetWriteOutcome;

    /// <summary>The decision refused the change for the pet as it is.</summary>
    public sealed record Refused(StoredPet Current, PetRefusal Reason) : PetWriteOutcome;

    /// <summary>Every attempt lost its conditional write to another writer; nothing was written.</summary>
    public sealed record Contended(int Attempts) : PetWriteOutcome;

    /// <summary>The pet as stored once the change is done: written, or already as asked.</summary>
    public bool TryGetPet([NotNullWhen(true)] out StoredPet? pet)
    {
        pet = this switch
        {
            Written written => written.After,
            Unchanged unchanged => unchanged.Current,
            _ => null,
        };
        return pet is not null;
    }
}

/// <summary>
/// The one optimistic-concurrency loop for changing a stored pet: read, decide, write with the ETag that was read.
/// A conditional write that loses a race re-reads and decides again, so a change never overwrites one it did not
/// see (a user's edit, the reminder job's); a caller that pinned a version with If-Match gets
/// <see cref="PetWriteOutcome.Stale"/> instead, because its decision was made on that version.
/// </summary>
public sealed class PetUpdater(IPetStore store, ILogger<PetUpdater> logger)
{
    /// <summary>Reads and conditional writes tried before giving up with <see cref="PetWriteOutcome.Contended"/>.</summary>
    public const int MaxAttempts = 5;

    /// <inheritdoc cref="UpdateAsync(string, PetPrecondition, Func{Pet, PetDecision}, Func{Pet, CancellationToken, Task}?, CancellationToken)"/>
    public Task<PetWriteOutcome> UpdateAsync(
        string id,
        PetPrecondition precondition,
        Func<Pet, PetDecision> decide,
        CancellationToken cancellationToken) => UpdateAsync(id, precondition, decide, beforeWrite: null, cancellationToken);

    /// <summary>Applies <paramref name="decide"/> to the pet as stored now, at most <see cref="MaxAttempts"/> times.</summary>
    /// <param name="decide">Pure: called once per attempt with the pet as just read.</param>
    /// <param name="beforeWrite">
    /// Runs before each conditional write with the version about to be written, for a write that must land
    /// first (the purge index entry before a soft delete). It must be idempotent: a lost race runs it again.
    /// </param>
    /// <exception cref="DependencyUnavailableException">Storage failed; nothing more was written after the failure.</exception>
    public async Task<PetWriteOutcome> UpdateAsync(
        string id,
        PetPrecondition precondition,
        Func<Pet, PetDecision> decide,
        Func<Pet, CancellationToken, Task>? beforeWrite,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(precondition);
        ArgumentNullException.ThrowIfNull(decide);
        if (!PetIds.IsWellFormed(id))
        {
            return new PetWriteOutcome.NotFound();
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await store.FindAsync(id, cancellationToken) is not { } current)
            {
                return new PetWriteOutcome.NotFound();
            }

            if (!precondition.IsMetBy(current.ETag))
            {
                return new PetWriteOutcome.Stale();
            }

            switch (decide(current.Pet))
            {
                case PetDecision.Refuse refuse:
                    return new PetWriteOutcome.Refused(current, refuse.Reason);
                case PetDecision.Keep:
                    return new PetWriteOutcome.Unchanged(current);
                case PetDecision.Write write:
                    if (beforeWrite is not null)
                    {
                        await beforeWrite(write.Pet, cancellationToken);
                    }

                    try
                    {
                        return new PetWriteOutcome.Written(current, await store.ReplaceAsync(write.Pet, current.ETag, cancellationToken));
                    }
                    catch (PetChangedException) when (!precondition.IsPinned)
                    {
                        // Someone else wrote in between: read again and decide on what they wrote.
                        PetsLog.WriteConflict(logger, id, attempt);
                    }
                    catch (PetChangedException)
                    {
                        // The pinned version was current when read and is not any more.
                        return new PetWriteOutcome.Stale();
                    }

                    break;
                default:
                    throw new InvalidOperationException($"Unknown decision {decide.GetType().Name}.");
            }
        }

        return new PetWriteOutcome.Contended(MaxAttempts);
    }
}

/// <summary>
/// The versions a change may be applied to, from the request's <c>If-Match</c> (RFC 9110 §13.1.1). Without one
/// (or with <c>*</c>, "any current version"), the change applies to whatever is stored now.
/// </summary>
public sealed class PetPrecondition
{
    private readonly IReadOnlySet<string>? _eTags;

    private PetPrecondition(IReadOnlySet<string>? eTags) => _eTags = eTags;

    /// <summary>No condition: apply the change to the current version.</summary>
    public static PetPrecondition None { get; } = new(null);

    /// <summary>Whether the caller pinned versions, so a lost race is theirs to resolve, not ours to retry.</summary>
    public bool IsPinned => _eTags is not null;

    /// <summary>
    /// Apply the change only to a version whose ETag is one of <paramref name="eTags"/>. ETags are compared exactly
    /// as the service issued them, weak prefix included: they are Table Storage's own, which are all weak (so the
    /// RFC's strong comparison could never match), and storage compares them the same way.
    /// </summary>
    public static PetPrecondition OneOf(IEnumerable<string> eTags) => new(eTags.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the stored version with <paramref name="eTag"/> satisfies the condition.</summary>
    public bool IsMetBy(string eTag) => _eTags is null || _eTags.Contains(eTag);
}
