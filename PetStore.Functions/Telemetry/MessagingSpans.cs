using System.Diagnostics;
using OpenTelemetry.Context.Propagation;
using static PetStore.Functions.Telemetry.PetStoreTelemetry;

namespace PetStore.Functions.Telemetry;

/// <summary>
/// Spans for the reminder queue, after the OpenTelemetry messaging conventions: a producer span
/// <c>send {queue}</c> around each send, and a consumer span <c>process {queue}</c> around each message the job
/// handles. Storage queues carry no trace context of their own, so the producer's W3C <c>traceparent</c> and
/// <c>tracestate</c> travel in the message (see <c>ReminderMessage</c>).
/// </summary>
internal static class MessagingSpans
{
    /// <summary>
    /// <c>messaging.system</c>. The conventions list no value for Azure Storage queues and ask for a custom one
    /// naming the family.
    /// </summary>
    public const string System = "azure_storage_queues";

    // W3C Trace Context, and nothing else: the message has fields for these two headers only.
    private static readonly TraceContextPropagator W3C = new();

    /// <summary>Starts the producer span of one send, a child of the current span (the HTTP request's).</summary>
    public static Activity? StartSend(string queueName, string petId, string? correlationId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var span = Source.StartActivity($"send {queueName}", ActivityKind.Producer);
        if (span is { IsAllDataRequested: true })
        {
            Tag(span, "send", queueName, petId, correlationId);
        }

        return span;
    }

    /// <summary>Records the id the queue gave the message.</summary>
    public static void Sent(Activity? span, string messageId)
    {
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(Attributes.MessagingMessageId, messageId);
        }
    }

    /// <summary>
    /// The W3C <c>traceparent</c> and <c>tracestate</c> to put in the message: the producer span's, or the
    /// current span's when there is no producer span; both null when there is no span at all.
    /// </summary>
    public static (string? TraceParent, string? TraceState) TraceContextOf(Activity? span)
    {
        if ((span ?? Activity.Current) is not { } current)
        {
            return (null, null);
        }

        string? traceParent = null;
        string? traceState = null;
        W3C.Inject(new PropagationContext(current.Context, default), 0, (_, name, value) =>
        {
            if (name == "traceparent")
            {
                traceParent = value;
            }
            else if (name == "tracestate")
            {
                traceState = value;
            }
        });
        return (traceParent, traceState);
    }

    /// <summary>
    /// Starts the consumer span of processing one message. When the message carries a valid W3C trace context,
    /// the span is a child of the producer span that sent it, so one trace runs from the API call to the job, and
    /// it links to the current span (the host's invocation of the job, in a trace of its own). Without one, or
    /// with one that is malformed (ignored, never an error), the span is a child of the current span, or starts
    /// a new trace when there is none.
    /// </summary>
    public static Activity? StartProcess(string queueName, string? traceParent, string? traceState, string? petId, string? correlationId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var sent = Extract(traceParent, traceState);
        ActivityLink[]? links = sent != default && Activity.Current is { } invocation ? [new ActivityLink(invocation.Context)] : null;
        var span = Source.StartActivity(ActivityKind.Consumer, sent, links: links, name: $"process {queueName}");
        if (span is { IsAllDataRequested: true })
        {
            Tag(span, "process", queueName, petId, correlationId);
        }

        return span;
    }

    /// <summary>Records how the job ended with the message (<c>petstore.reminder.outcome</c>).</summary>
    public static void Processed(Activity? span, string outcome, string? error = null)
    {
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        span.SetTag(Attributes.ReminderOutcome, outcome);
        if (error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, error);
        }
    }

    /// <summary>The remote context in the message, or default when it has none or it is malformed.</summary>
    public static ActivityContext Extract(string? traceParent, string? traceState)
    {
        if (string.IsNullOrEmpty(traceParent))
        {
            return default;
        }

        var extracted = W3C.Extract(default, (traceParent, traceState), static (fields, name) => name switch
        {
            "traceparent" => [fields.traceParent],
            "tracestate" when fields.traceState is { } state => [state],
            _ => null,
        });
        // The propagator validates the W3C format (version, lengths, lower-case hex, non-zero ids) and returns the
        // default context for anything else, so whatever a producer wrote cannot make the message fail.
        return extracted.ActivityContext;
    }

    private static void Tag(Activity span, string operation, string queueName, string? petId, string? correlationId)
    {
        span.SetTag(Attributes.MessagingSystem, System);
        span.SetTag(Attributes.MessagingOperationName, operation);
        span.SetTag(Attributes.MessagingOperationType, operation);
        span.SetTag(Attributes.MessagingDestinationName, queueName);
        span.SetTag(Attributes.MessagingConversationId, correlationId);
        span.SetTag(Attributes.PetId, petId);
    }
}
