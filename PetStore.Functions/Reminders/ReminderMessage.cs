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
}
