using System.Text.Json;

namespace PetStore.Functions.Pets;

/// <summary>The body of <c>POST /api/pets</c>.</summary>
internal sealed record CreatePetRequest(string Name, Species Species, int AgeMonths)
{
    private static readonly string[] Fields = ["name", "species", "ageMonths"];

    private static readonly Dictionary<string, string> NotOnCreate = new(StringComparer.Ordinal)
    {
        ["status"] = "A new pet always starts as 'new'; change its status afterwards with PATCH /api/pets/{id}.",
    };

    /// <returns>The errors per field; empty exactly when <paramref name="request"/> is set.</returns>
    public static Dictionary<string, string[]> Validate(JsonElement body, out CreatePetRequest? request)
    {
        var fields = new PetFields(body);
        fields.RejectOthers(Fields, NotOnCreate);
        var name = fields.Name(required: true);
        var species = fields.Species(required: true);
        var age = fields.AgeMonths(required: true);

        request = fields.Errors.Count == 0 ? new CreatePetRequest(name!, species!.Value, age!.Value) : null;
        return fields.Errors;
    }

    public Pet ToPet(string id, DateTimeOffset now) => new(id, Name, Species, AgeMonths, PetStatus.New, now, now);
}
