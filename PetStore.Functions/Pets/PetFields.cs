using System.Text.Json;

namespace PetStore.Functions.Pets;

/// <summary>
/// Reads and checks the writable pet fields of a JSON body, recording one message per field at fault. Shared by
/// the create and update requests so both apply the same rules with the same words.
/// </summary>
internal sealed class PetFields(JsonElement body)
{
    public const int MaxNameLength = 100;
    public const int MaxAgeMonths = 600;

    private static readonly string[] ReadOnlyFields = ["id", "createdAt", "updatedAt", "notes", "nextFeedingAt", "deletedAt", "purgeAt"];

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Flags every property that is not in <paramref name="allowed"/>, so typos never pass silently; a known field
    /// that this request cannot take gets its reason from <paramref name="notHere"/> instead of "unknown".
    /// </summary>
    public void RejectOthers(IReadOnlyCollection<string> allowed, IReadOnlyDictionary<string, string>? notHere = null)
    {
        foreach (var property in body.EnumerateObject())
        {
            if (allowed.Contains(property.Name))
            {
                continue;
            }

            if (notHere is not null && notHere.TryGetValue(property.Name, out var reason))
            {
                Add(property.Name, reason);
            }
            else
            {
                Add(property.Name, ReadOnlyFields.Contains(property.Name, StringComparer.Ordinal)
                    ? "This field is set by the service and cannot be written."
                    : $"Unknown field. Allowed fields: {string.Join(", ", allowed)}.");
            }
        }
    }

    public bool Has(string field) => body.TryGetProperty(field, out _);

    public string? Name(bool required) => Read<string>("name", required, JsonValueKind.String, value =>
    {
        var name = value.GetString()!.Trim();
        if (name.Length == 0)
        {
            return (null, "Name must not be blank.");
        }

        if (name.Length > MaxNameLength)
        {
            return (null, $"Name must be at most {MaxNameLength} characters.");
        }

        return name.Any(char.IsControl) ? (null, "Name must not contain control characters.") : (name, null);
    });

    public Species? Species(bool required) => Read<Species?>("species", required, JsonValueKind.String, value =>
        PetNames.TryParseSpecies(value.GetString(), out var species)
            ? (species, null)
            : (null, $"Species must be one of: {string.Join(", ", PetNames.SpeciesNames)}."));

    public int? AgeMonths(bool required) => Read<int?>("ageMonths", required, JsonValueKind.Number, value =>
    {
        if (value.TryGetInt32(out var age))
        {
            return age is >= 0 and <= MaxAgeMonths ? (age, null) : (null, $"Age must be between 0 and {MaxAgeMonths} months.");
        }

        return value.TryGetDouble(out var number) && double.IsInteger(number)
            ? (null, $"Age must be between 0 and {MaxAgeMonths} months.")
            : (null, "Age must be a whole number of months.");
    });

    public PetStatus? Status(bool required) => Read<PetStatus?>("status", required, JsonValueKind.String, value =>
    {
        if (!PetNames.TryParseStatus(value.GetString(), out var status))
        {
            return (null, $"Status must be one of: {string.Join(", ", PetNames.StatusNames.Where(s => s != "deleted"))}.");
        }

        return status == PetStatus.Deleted
            ? (null, "A pet cannot be set to 'deleted' here; use DELETE /api/pets/{id}, which keeps it restorable.")
            : (status, null);
    });

    private T? Read<T>(string field, bool required, JsonValueKind kind, Func<JsonElement, (T? Value, string? Error)> parse)
    {
        if (!body.TryGetProperty(field, out var value))
        {
            if (required)
            {
                Add(field, "This field is required.");
            }

            return default;
        }

        if (value.ValueKind != kind)
        {
            Add(field, value.ValueKind == JsonValueKind.Null
                ? "This field must not be null."
                : $"This field must be a JSON {(kind == JsonValueKind.String ? "string" : "number")}.");
            return default;
        }

        var (result, error) = parse(value);
        if (error is not null)
        {
            Add(field, error);
        }

        return result;
    }

    private void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
