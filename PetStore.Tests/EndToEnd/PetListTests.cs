using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace PetStore.Tests.EndToEnd;

[Collection(E2ESuite.Name)]
public class PetListTests(E2EHost host)
{
    /// <summary>Enough pages for a shared deployed app; more means nextLink never ends.</summary>
    private const int MaxPages = 2000;

    private readonly HttpClient _client = host.Client;

    [E2EFact]
    [Trait("Category", "E2E")]
    public async Task ListPets_PageSizeTwo_NextLinksVisitEachCreatedPetOnce()
    {
        // Other tests (and, when deployed, other users) add birds too, so only this test's pets are counted.
        var marker = PetsApi.UniqueMarker("page");
        var created = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 7; i++)
        {
            created.Add((await _client.CreatePetAsync($"{marker}-{i}", species: "bird")).Id);
        }

        var seen = new List<string>();
        var pages = 0;
        Uri? next = new("api/pets?species=bird&pageSize=2", UriKind.Relative);
        while (next is not null)
        {
            Assert.True(++pages <= MaxPages, $"Still paging after {MaxPages} pages; last link {next}.");
            using var response = await _client.GetAsync(next);
            var page = await PetsApi.ReadJsonAsync(response, HttpStatusCode.OK);

            var pets = page.GetProperty("value").EnumerateArray().ToList();
            Assert.True(pets.Count <= 2, $"A page of pageSize=2 has {pets.Count} pets: {page}");
            foreach (var pet in pets)
            {
                Assert.Equal("bird", pet.GetProperty("species").GetString());
                Assert.NotEqual("deleted", pet.GetProperty("status").GetString());
                if (pet.GetProperty("name").GetString()!.StartsWith(marker, StringComparison.Ordinal))
                {
                    seen.Add(pet.GetProperty("id").GetString()!);
                }
            }

            next = page.TryGetProperty("nextLink", out var link) ? AssertNextLink(link) : null;
        }

        Assert.True(pages >= 4, $"7 pets at 2 a page took only {pages} pages.");
        Assert.Equal(created.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [E2ETheory]
    [Trait("Category", "E2E")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("species=dragon", "species")]
    [InlineData("continuationToken=bm90LWEtdG9rZW4", "continuationToken")]
    public async Task ListPets_InvalidQuery_Returns400ProblemNamingParameter(string query, string parameter)
    {
        using var response = await _client.GetAsync(new Uri($"api/pets?{query}", UriKind.Relative));

        await PetsApi.AssertValidationProblemAsync(response, parameter);
    }

    /// <summary>
    /// A nextLink is absolute and is followed as given, so it must point at the app the client called (not at the
    /// worker behind the host), keep the filters, and never carry a key.
    /// </summary>
    private Uri AssertNextLink(JsonElement link)
    {
        Assert.True(Uri.TryCreate(link.GetString(), UriKind.Absolute, out var next), $"nextLink is not an absolute URL: {link}");
        var baseAddress = _client.BaseAddress!;
        Assert.True(
            Uri.Compare(next, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0,
            $"nextLink {next} does not point at the app the client called ({baseAddress}).");
        Assert.Equal(new Uri(baseAddress, PetsApi.Pets).AbsolutePath, next.AbsolutePath);

        var query = QueryHelpers.ParseQuery(next.Query);
        Assert.Equal("bird", query["species"].ToString());
        Assert.Equal("2", query["pageSize"].ToString());
        Assert.False(string.IsNullOrEmpty(query["continuationToken"]), $"nextLink has no continuationToken: {next}");
        Assert.False(query.ContainsKey("code"), $"nextLink carries a function key: {next}");
        return next;
    }
}
