using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PetStore.Functions.Pets;

/// <summary>
/// Reads and checks the writable pet fields of a JSON body, recording one message per field at fault. Shared by
/// the create and update requests so both apply the same rules with the same words.
/// </summary>
internal sealed class PetFields(JsonElement body)
{
    /// <summary>The most characters a name may have, counted as a person sees them: text elements (grapheme clusters, UAX #29).</summary>
    public const int MaxNameLength = 100;
    public const int MaxAgeMonths = 600;

    /// <summary>
    /// What a name may take in storage, in UTF-16 code units: sixteen per character allowed, room for the longest
    /// emoji sequences, while one "character" made of thousands of combining marks is still refused.
    /// </summary>
    public const int MaxNameUtf16Length = MaxNameLength * 16;

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
        if (!HasVisibleCharacter(name))
        {
            return (null, "Name must not be blank: it must have at least one visible character.");
        }

        if (new StringInfo(name).LengthInTextElements > MaxNameLength)
        {
            return (null, $"Name must be at most {MaxNameLength} characters (an emoji, or a letter with its accents, counts as one).");
        }

        if (name.Length > MaxNameUtf16Length)
        {
            return (null, $"Name is too long to store: at most {MaxNameUtf16Length} UTF-16 code units, however few characters they show.");
        }

        return name.Any(char.IsControl) ? (null, "Name must not contain control characters.") : (name, null);
    });

    public Species? Species(bool required) => Read<Species?>("species", required, JsonValueKind.String, value =>
        PetNames.TryParseSpecies(value.GetString(), out var species)
            ? (species, null)
            : (null, $"Species must be one of: {string.Join(", ", PetNames.SpeciesNames)}."));

    public int? AgeMonths(bool required) => Read<int?>("ageMonths", required, JsonValueKind.Number, value =>
        WholeNumbers.Classify(value.GetRawText(), 0, MaxAgeMonths, out var age) switch
        {
            WholeNumberKind.InRange => ((int)age, null),
            WholeNumberKind.Fractional => (null, "Age must be a whole number of months."),
            _ => (null, $"Age must be between 0 and {MaxAgeMonths} months."),
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

    /// <summary>
    /// Whether any character would show: not whitespace, not a format or joiner character (zero-width space, joiners,
    /// bidi marks, the byte order mark, tag characters), not a combining mark on its own, and not one of the
    /// letters that render blank (the Hangul fillers, the blank Braille pattern).
    /// </summary>
    private static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var invisible = Rune.IsWhiteSpace(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.EnclosingMark or UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;
            if (!invisible)
            {
                return true;
            }
        }

        return false;
    }

    private void Add(string field, string message) =>
        Errors[field] = Errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
