using System.Diagnostics;
using static PetStore.Functions.Telemetry.PetStoreTelemetry;

namespace PetStore.Functions.Telemetry;

/// <summary>
/// Spans of the daily purge: one <c>purge run</c> span (a child of the timer invocation, in the host's trace of
/// its own) and a <c>purge batch</c> span per page of due index entries, each with its counts.
/// </summary>
internal static class PurgeSpans
{
    public static Activity? StartRun() => Source.StartActivity("purge run");

    public static Activity? StartBatch(int entries)
    {
        var span = Source.StartActivity("purge batch");
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(Attributes.PurgeEntries, entries);
        }

        return span;
    }

    /// <summary>What the run or batch did: pets purged, stale index entries discarded, entries kept for the next run.</summary>
    public static void Counted(Activity? span, int purged, int discarded, int kept)
    {
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        span.SetTag(Attributes.PurgePurged, purged);
        span.SetTag(Attributes.PurgeDiscarded, discarded);
        span.SetTag(Attributes.PurgeKept, kept);
    }
}
