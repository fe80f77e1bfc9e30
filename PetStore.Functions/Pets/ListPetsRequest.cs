using Microsoft.AspNetCore.Http;

namespace PetStore.Functions.Pets;

/// <summary>
/// The query string of <c>GET /api/pets</c>, validated into a <see cref="PetQuery"/>. Parameters it does not know
/// (such as the function key's <c>code</c>) are ignored.
/// </summary>
internal static class ListPetsRequest
{
    public const string ContinuationTokenParameter = "continuationToken";

    public const int DefaultPageSize = 20;

    /// <summary>The largest page a caller may ask for; well under Table Storage's 1,000 entities a query page.</summary>
    public const int MaxPageSize = 100;

    /// <returns>The errors per parameter; empty exactly when <paramref name="query"/> is set.</returns>
    public static Dictionary<string, string[]> Validate(IQueryCollection parameters, out PetQuery? query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        Species? species = null;
        if (Single(parameters, "species", errors) is { } speciesText)
        {
            if (PetNames.TryParseSpecies(speciesText, out var parsed))
            {
                species = parsed;
            }
            else
            {
                errors["species"] = [$"Species must be one of: {string.Join(", ", PetNames.SpeciesNames)}."];
            }
        }

        PetStatus? status = null;
        if (Single(parameters, "status", errors) is { } statusText)
        {
            if (PetNames.TryParseStatus(statusText, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = [$"Status must be one of: {string.Join(", ", PetNames.StatusNames)}."];
            }
        }

        var includeDeleted = false;
        if (Single(parameters, "includeDeleted", errors) is { } includeText && !bool.TryParse(includeText, out includeDeleted))
        {
            errors["includeDeleted"] = ["includeDeleted must be true or false."];
        }

        var pageSize = DefaultPageSize;
        if (Single(parameters, "pageSize", errors) is { } sizeText)
        {
            switch (WholeNumbers.Classify(sizeText, 1, MaxPageSize, out var size))
            {
                case WholeNumberKind.InRange:
                    pageSize = (int)size;
                    break;
                case WholeNumberKind.Fractional:
                    errors["pageSize"] = [$"pageSize must be a whole number (from 1 to {MaxPageSize})."];
                    break;
                default:
                    errors["pageSize"] = [$"pageSize must be a number from 1 to {MaxPageSize}."];
                    break;
            }
        }

        var continuationToken = Single(parameters, ContinuationTokenParameter, errors);
        if (continuationToken is { Length: 0 })
        {
            errors["continuationToken"] = ["continuationToken must not be empty; omit it to start from the first page."];
        }

        query = errors.Count == 0 ? new PetQuery(species, status, includeDeleted, pageSize, continuationToken) : null;
        return errors;
    }

    private static string? Single(IQueryCollection parameters, string name, Dictionary<string, string[]> errors)
    {
        if (!parameters.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors[name] = [$"Give {name} at most once."];
            return null;
        }

        return values[0] ?? "";
    }
}
