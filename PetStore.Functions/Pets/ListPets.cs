using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using PetStore.Functions.Http;

namespace PetStore.Functions.Pets;

/// <summary><c>GET /api/pets</c>: one page of pets, with a <c>nextLink</c> while there are more.</summary>
public sealed class ListPets(IPetStore store)
{
    /// <summary>The query parameter the Functions host reads a function key from.</summary>
    public const string FunctionKeyParameter = "code";

    [Function(nameof(ListPets))]
    public async Task<Results<Ok<PetListResponse>, ProblemHttpResult>> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "pets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = ListPetsRequest.Validate(request.Query, out var query);
        if (query is null)
        {
            return Problems.Validation(errors);
        }

        PetPage page;
        try
        {
            page = await store.ListAsync(query, cancellationToken);
        }
        catch (InvalidContinuationTokenException)
        {
            return Problems.Field("continuationToken", "This continuation token was not issued by this API. Start again without it.");
        }

        var pets = page.Pets.Select(p => PetResponse.From(p.Pet)).ToList();
        return TypedResults.Ok(new PetListResponse(pets, NextLink(request, page.ContinuationToken)));
    }

    /// <summary>
    /// This request's URL with the same filters and the next page's token. The function key is left out in every
    /// spelling: the host reads <c>code</c> case-insensitively, and so does ASP.NET Core's query collection.
    /// </summary>
    private static string? NextLink(HttpRequest request, string? continuationToken)
    {
        if (continuationToken is null)
        {
            return null;
        }

        var query = new QueryBuilder(request.Query
            .Where(p => !IsReserved(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))))
        {
            { ListPetsRequest.ContinuationTokenParameter, continuationToken },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }

    private static bool IsReserved(string parameter) =>
        string.Equals(parameter, ListPetsRequest.ContinuationTokenParameter, StringComparison.OrdinalIgnoreCase)
        || string.Equals(parameter, FunctionKeyParameter, StringComparison.OrdinalIgnoreCase);
}
