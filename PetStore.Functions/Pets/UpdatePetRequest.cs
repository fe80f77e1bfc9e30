using System.Text.Json;

namespace PetStore.Functions.Pets;

/// <summary>The body of <c>PATCH</c>/<c>PUT /api/pets/{id}</c>: a partial update; absent fields keep their value.</summary>
internal sealed record UpdatePetRequest(string? Name, Species? Species, int? AgeMonths, PetStatus? Status)
{
    private static readonly string[] Fields = ["name", "species", "ageMonths", "status"];

    /// <returns>The errors per field; empty exactly when <paramref name="request"/> is set.</returns>
    public static Dictionary<string, string[]> Validate(JsonElement body, out UpdatePetRequest? request)
    {
        var fields = new PetFields(body);
        fields.RejectOthers(Fields);
        var update = new UpdatePetRequest(
            fields.Name(required: false),
            fields.Species(required: false),
            fields.AgeMonths(required: false),
            fields.Status(required: false));

        if (fields.Errors.Count == 0 && !Fields.Any(fields.Has))
        {
            fields.Errors["body"] = [$"Send at least one of: {string.Join(", ", Fields)}."];
        }

        request = fields.Errors.Count == 0 ? update : null;
        return fields.Errors;
    }

    public Pet ApplyTo(Pet pet, DateTimeOffset now) => pet with
    {
        Name = Name ?? pet.Name,
        Species = Species ?? pet.Species,
        AgeMonths = AgeMonths ?? pet.AgeMonths,
        Status = Status ?? pet.Status,
        UpdatedAt = now,
    };
}
