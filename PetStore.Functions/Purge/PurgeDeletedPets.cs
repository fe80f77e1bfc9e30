using Microsoft.Azure.Functions.Worker;

namespace PetStore.Functions.Purge;

/// <summary>The daily timer that purges soft-deleted pets whose retention has passed (see <see cref="SoftDeletion.PurgeDueAsync"/>).</summary>
public sealed class PurgeDeletedPets(SoftDeletion softDeletion)
{
    /// <summary>02:00 every day, in the host's time zone, which is UTC in Azure and under <c>npm start</c>.</summary>
    public const string Schedule = "0 0 2 * * *";

    [Function(nameof(PurgeDeletedPets))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await softDeletion.PurgeDueAsync(cancellationToken);
    }
}
