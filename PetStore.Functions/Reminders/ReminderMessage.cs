using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PetStore.Functions.Pets;

namespace PetStore.Functions.Reminders;

/// <summary>
/// The queue message that asks for a pet's feeding reminder (contract in the README). Only <c>petId</c> is
/// required, so messages from older producers stay valid: the seed tutorial's sends <c>petId</c> and
/// <c>enqueuedAt</c> as epoch milliseconds, this app writes ISO 8601. Property names match case-insensitively,
/// unknown fields are ignored so newer producers can add some, and an optional field this app cannot read is
/// ignored rather than costing the pet its reminder. Only a message without a usable <c>petId</c> is poison.
/// </summary>
public sealed record ReminderMessage(
    [property: JsonPropertyName("petId")] string PetId,
    [property: JsonPropertyName("correlationId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(OptionalStringConverter))] string? CorrelationId,
    [property: JsonPropertyName("enqueuedAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(OptionalTimestampConverter))] DateTimeOffset? EnqueuedAt)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The W3C Trace Context <c>traceparent</c> of the span that sent the message (optional), so the job's span joins
    /// the trace of the request that asked for the reminder. A missing or malformed value, of any JSON type, is
    /// ignored: the job then starts a trace of its own; it never makes the message unreadable.
    /// </summary>
    [JsonPropertyName("traceparent")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(OptionalStringConverter))]
    public string? TraceParent { get; init; }

    /// <summary>The W3C Trace Context <c>tracestate</c> that goes with <see cref="TraceParent"/> (optional, ignored without it).</summary>
    [JsonPropertyName("tracestate")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonConverter(typeof(OptionalStringConverter))]
    public string? TraceState { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static bool TryParse(string? json, [NotNullWhen(true)] out ReminderMessage? message, [NotNullWhen(false)] out string? error)
    {
        message = null;
        try
        {
            // A byte order mark is not JSON, but producers that write text files or streams add one.
            json = json?.TrimStart('\uFEFF');
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
}

/// <summary>An optional string (correlation id, trace context): anything but a JSON string reads as absent, since these fields are best effort.</summary>
internal sealed class OptionalStringConverter : JsonConverter<string?>
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

/// <summary>
/// An optional instant: an ISO 8601 string, or epoch milliseconds as a JSON number (in any notation whose value is
/// whole) or as a string of digits. Anything else, or an instant outside <see cref="DateTimeOffset"/>'s range, reads
/// as absent. Written as ISO 8601.
/// </summary>
internal sealed class OptionalTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return FromEpochMilliseconds(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan));
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (FromEpochMilliseconds(text) is { } instant)
                {
                    return instant;
                }

                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } instant)
        {
            writer.WriteStringValue(instant);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset? FromEpochMilliseconds(string text) =>
        WholeNumbers.Classify(text, MinMilliseconds, MaxMilliseconds, out var milliseconds) == WholeNumberKind.InRange
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
}
