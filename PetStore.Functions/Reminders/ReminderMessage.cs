using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using PetStore.Functions.Pets;

namespace PetStore.Functions.Reminders;

/// <summary>
/// The queue message that asks for a pet's feeding reminder (contract in the README). Only <c>petId</c> is
/// required, so messages from older producers (petId and enqueuedAt) stay valid; unknown fields are ignored so
/// newer producers can add some.
/// </summary>
public sealed record ReminderMessage(
    [property: JsonPropertyName("petId")] string PetId,
    [property: JsonPropertyName("correlationId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CorrelationId,
    [property: JsonPropertyName("enqueuedAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EnqueuedAt)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The W3C Trace Context <c>traceparent</c> of the span that sent the message (optional), so the job's span joins
    /// the trace of the request that asked for the reminder. A missing or malformed value, of any JSON type, is
    /// ignored: the job then starts a trace of its own; it never makes the message unreadable.
    /// </summary>
    [JsonPropertyName("traceparent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(OptionalTraceField))]
    public string? TraceParent { get; init; }

    /// <summary>The W3C Trace Context <c>tracestate</c> that goes with <see cref="TraceParent"/> (optional, ignored without it).</summary>
    [JsonPropertyName("tracestate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(OptionalTraceField))]
    public string? TraceState { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static bool TryParse(string? json, [NotNullWhen(true)] out ReminderMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        try
        {
            message = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<ReminderMessage>(json, Options);
        }
        catch (JsonException ex)
        {
            error = $"not a reminder message: {ex.Message}";
            return false;
        }

        if (message is null)
        {
            error = "not a reminder message: empty or null";
            return false;
        }

        if (!PetIds.IsWellFormed(message.PetId))
        {
            error = "petId is missing or is not a pet id";
            message = null;
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Reads a trace field that is a string as is, and any other JSON value as absent: trace context is best effort.</summary>
    private sealed class OptionalTraceField : JsonConverter<string?>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return reader.GetString();
            }

            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
