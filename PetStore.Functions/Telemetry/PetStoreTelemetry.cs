using System.Diagnostics;

namespace PetStore.Functions.Telemetry;

/// <summary>
/// The names under which the app reports its own spans and metrics, and the one <see cref="ActivitySource"/> it
/// starts spans from. Feature code goes through the helpers beside this class (<see cref="MessagingSpans"/>,
/// <see cref="PurgeSpans"/>, <see cref="PetStoreMetrics"/>), never through an exporter or a vendor SDK.
/// </summary>
internal static class PetStoreTelemetry
{
    /// <summary>The name of the app's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "PetStore";

    /// <summary>
    /// The Azure SDK's activity sources, one per client type (<c>Azure.Data.Tables.TableClient</c>,
    /// <c>Azure.Storage.Queues.QueueClient</c>): a span per storage call. Azure.Core only starts them while the
    /// <c>Azure.Experimental.EnableActivitySource</c> switch is on, which Directory.Build.props sets in every
    /// project's runtimeconfig.json.
    /// </summary>
    public const string AzureSdkSources = "Azure.*";

    /// <summary>The app's version, reported as the instrumentation scope's version.</summary>
    public static readonly string Version = typeof(PetStoreTelemetry).Assembly.GetName().Version?.ToString() ?? "";

    /// <summary>Where the app's own spans start. Without a listener it starts none, at the cost of one check.</summary>
    public static ActivitySource Source { get; } = new(Name, Version);

    /// <summary>
    /// Marks the span failed with the exception, as the OpenTelemetry conventions for recording errors ask:
    /// status Error, <c>error.type</c> the exception's type, and an <c>exception</c> event. The caller rethrows.
    /// </summary>
    public static void Failed(Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, exception.Message);
        span.SetTag(Attributes.ErrorType, exception.GetType().FullName);
        span.AddException(exception);
    }

    /// <summary>Attribute names: the OpenTelemetry semantic conventions' where one exists, else <c>petstore.*</c>.</summary>
    public static class Attributes
    {
        public const string ErrorType = "error.type";
        public const string MessagingSystem = "messaging.system";
        public const string MessagingOperationName = "messaging.operation.name";
        public const string MessagingOperationType = "messaging.operation.type";
        public const string MessagingDestinationName = "messaging.destination.name";
        public const string MessagingMessageId = "messaging.message.id";

        /// <summary>The conventions' name for what this app calls the correlation id.</summary>
        public const string MessagingConversationId = "messaging.message.conversation_id";

        public const string PetId = "petstore.pet.id";
        public const string ReminderOutcome = "petstore.reminder.outcome";
        public const string PurgeEntries = "petstore.purge.entries";
        public const string PurgeOutcome = "petstore.purge.outcome";
        public const string PurgePurged = "petstore.purge.purged";
        public const string PurgeDiscarded = "petstore.purge.discarded";
        public const string PurgeKept = "petstore.purge.kept";
    }
}
