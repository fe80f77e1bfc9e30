using System.Diagnostics.Metrics;
using static PetStore.Functions.Telemetry.PetStoreTelemetry;

namespace PetStore.Functions.Telemetry;

/// <summary>
/// The app's metrics, on the <see cref="Meter"/> named <see cref="PetStoreTelemetry.Name"/>. No semantic convention
/// covers these domain events, so they are <c>petstore.*</c>, named and united by the conventions' general rules
/// (UCUM units, annotations in braces, a plural noun for a count); attributes reuse conventional names where one
/// exists (<c>error.type</c>). One instance per service provider, from its <see cref="IMeterFactory"/>.
/// </summary>
public sealed class PetStoreMetrics
{
    // From a few milliseconds (the job picked the message up at once) to the 5 host retries of up to 30 s each
    // and beyond, instead of the SDK's default buckets, which are meant for milliseconds.
    private static readonly double[] DelayBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800];

    // A run is seconds for thousands of pets; a stalled one is minutes (the function times out at 5).
    private static readonly double[] RunBuckets = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 120, 300];

    private readonly Counter<long> _petsCreated;
    private readonly Counter<long> _reminderMessages;
    private readonly Histogram<double> _reminderDelay;
    private readonly Counter<long> _purgeEntries;
    private readonly Histogram<double> _purgeDuration;

    public PetStoreMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name, PetStoreTelemetry.Version);
        _petsCreated = meter.CreateCounter<long>(Names.PetsCreated, "{pet}", "Pets created through the API.");
        _reminderMessages = meter.CreateCounter<long>(
            Names.ReminderMessages, "{message}", "Reminder messages the reminder job finished with, by petstore.reminder.outcome.");
        _reminderDelay = meter.CreateHistogram(
            Names.ReminderDelay,
            "s",
            "Time from a reminder message's enqueuedAt to the reminder being written: the background work's total processing time.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBuckets });
        _purgeEntries = meter.CreateCounter<long>(
            Names.PurgeEntries, "{entry}", "Purge index entries the purge handled, by petstore.purge.outcome.");
        _purgeDuration = meter.CreateHistogram(
            Names.PurgeDuration,
            "s",
            "Duration of purge runs; error.type is set on a run that failed.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = RunBuckets });
    }

    public void PetCreated() => _petsCreated.Add(1);

    /// <param name="outcome">The value of <c>petstore.reminder.outcome</c>: set, already_set, pet_gone, pet_deleted or poisoned.</param>
    public void ReminderProcessed(string outcome) =>
        _reminderMessages.Add(1, new KeyValuePair<string, object?>(Attributes.ReminderOutcome, outcome));

    /// <summary>Records the delay from enqueueing to the written reminder; a negative one (clock skew) as zero.</summary>
    public void ReminderDelay(TimeSpan delay) => _reminderDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>Counts one page of due entries: pets purged, stale entries discarded, entries kept for the next run.</summary>
    public void PurgeBatch(int purged, int discarded, int kept)
    {
        _purgeEntries.Add(purged, new KeyValuePair<string, object?>(Attributes.PurgeOutcome, "purged"));
        _purgeEntries.Add(discarded, new KeyValuePair<string, object?>(Attributes.PurgeOutcome, "discarded"));
        _purgeEntries.Add(kept, new KeyValuePair<string, object?>(Attributes.PurgeOutcome, "kept"));
    }

    /// <summary>Records a run's duration, with <c>error.type</c> when <paramref name="failure"/> ended it.</summary>
    public void PurgeRun(TimeSpan duration, Exception? failure)
    {
        if (failure is null)
        {
            _purgeDuration.Record(duration.TotalSeconds);
        }
        else
        {
            _purgeDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(Attributes.ErrorType, failure.GetType().FullName));
        }
    }

    /// <summary>The metric names, for tests and dashboards.</summary>
    public static class Names
    {
        public const string PetsCreated = "petstore.pets.created";
        public const string ReminderMessages = "petstore.reminder.messages";
        public const string ReminderDelay = "petstore.reminder.delay";
        public const string PurgeEntries = "petstore.purge.entries";
        public const string PurgeDuration = "petstore.purge.duration";
    }
}
