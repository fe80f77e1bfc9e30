using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

public class GetAndListPetsTests
{
    private readonly App _app = new();

    [Fact]
    public async Task GetPet_SoftDeletedPet_IsReturnedWithDeletionTimesAndETag()
    {
        var pet = _app.Store.Seed(TestPets.New().SoftDelete(TestPets.Start, TestPets.Start.AddDays(30))).Pet;
        var request = Requests.Empty(path: $"/api/pets/{pet.Id}");

        var result = await _app.Function<GetPet>().Run(request, pet.Id, default);

        var body = Assert.IsType<Ok<PetResponse>>(result.Result).Value!;
        Assert.Equal("deleted", body.Status);
        Assert.Equal(TestPets.Start.AddDays(30).UtcDateTime, body.PurgeAt);
        Assert.Equal(_app.Store[pet.Id]!.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task GetPet_UnknownId_ReturnsNotFoundProblem()
    {
        var result = await _app.Function<GetPet>().Run(Requests.Empty(), TestPets.New().Id, default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status404NotFound, problem.StatusCode);
        Assert.Equal("Pet not found", problem.ProblemDetails.Title);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("' or 1 eq 1 or PartitionKey eq '")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task GetPet_ImpossibleId_ReturnsNotFoundWithoutTouchingStorage(string id)
    {
        var result = await _app.Function<GetPet>().Run(Requests.Empty(), id, default);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Equal(0, _app.Store.Reads);
    }

    [Fact]
    public void PetResponse_Serialised_IsCamelCaseUtcAndOmitsUnsetFields()
    {
        var json = JsonSerializer.Serialize(PetResponse.From(TestPets.New(id: "0123456789abcdef0123456789abcdef")), JsonSerializerOptions.Web);

        Assert.Equal(
            """{"id":"0123456789abcdef0123456789abcdef","name":"Rex","species":"dog","ageMonths":12,"status":"new","createdAt":"2026-11-29T12:00:00Z","updatedAt":"2026-11-29T12:00:00Z"}""",
            json);
    }

    [Fact]
    public async Task ListPets_FollowingNextLinks_ReturnsEveryMatchingPetOnceAndHidesDeletedByDefault()
    {
        var dogs = Enumerable.Range(0, 5).Select(i => _app.Store.Seed(TestPets.New(id: $"{i:x32}", species: Species.Dog)).Pet.Id).ToList();
        _app.Store.Seed(TestPets.New(id: $"{10:x32}", species: Species.Cat));
        _app.Store.Seed(TestPets.New(id: $"{11:x32}", species: Species.Dog).SoftDelete(TestPets.Start, TestPets.Start.AddDays(1)));

        List<string> seen = [];
        var query = "?species=dog&pageSize=2&code=secret";
        var pages = 0;
        while (query is not null)
        {
            var result = await _app.Function<ListPets>().Run(Requests.Empty(query: query), default);
            var page = Assert.IsType<Ok<PetListResponse>>(result.Result).Value!;
            seen.AddRange(page.Value.Select(p => p.Id));
            pages++;
            if (page.NextLink is { } next)
            {
                Assert.StartsWith("http://localhost:7071/api/pets?", next, StringComparison.Ordinal);
                Assert.DoesNotContain("secret", next, StringComparison.Ordinal);
                Assert.Contains("species=dog", next, StringComparison.Ordinal);
            }

            query = page.NextLink is null ? null : new Uri(page.NextLink).Query;
        }

        Assert.Equal(dogs, seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("Code")]
    [InlineData("CODE")]
    [InlineData("cOdE")]
    [InlineData("%63ode")]
    [InlineData("C%4FDE")]
    public async Task ListPets_FunctionKeyInAnySpelling_NeverReachesNextLinkAndTheNextPageWorks(string parameter)
    {
        for (var i = 0; i < 3; i++)
        {
            _app.Store.Seed(TestPets.New(id: $"{i:x32}"));
        }

        var first = await _app.Function<ListPets>().Run(Requests.Empty(query: $"?pageSize=1&{parameter}=the-key&{parameter}=another-key"), default);

        var next = Assert.IsType<Ok<PetListResponse>>(first.Result).Value!.NextLink!;
        Assert.DoesNotContain("key", next, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code", Uri.UnescapeDataString(next), StringComparison.OrdinalIgnoreCase);
        var second = await _app.Function<ListPets>().Run(Requests.Empty(query: new Uri(next).Query), default);
        Assert.Single(Assert.IsType<Ok<PetListResponse>>(second.Result).Value!.Value);
    }

    [Theory]
    [InlineData("ContinuationToken")]
    [InlineData("CONTINUATIONTOKEN")]
    public async Task ListPets_ContinuationTokenInAnySpelling_IsReplacedNotRepeatedInNextLink(string parameter)
    {
        for (var i = 0; i < 3; i++)
        {
            _app.Store.Seed(TestPets.New(id: $"{i:x32}"));
        }

        var first = await _app.Function<ListPets>().Run(Requests.Empty(query: "?pageSize=1"), default);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(Assert.IsType<Ok<PetListResponse>>(first.Result).Value!.NextLink!).Query)["continuationToken"];

        var second = await _app.Function<ListPets>().Run(Requests.Empty(query: $"?pageSize=1&{parameter}={token}"), default);

        var next = Assert.IsType<Ok<PetListResponse>>(second.Result).Value!.NextLink!;
        Assert.Single(new Uri(next).Query.TrimStart('?').Split('&'), p => p.StartsWith("continuationtoken=", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("?pageSize=20.0", 20)]
    [InlineData("?pageSize=2e1", 20)]
    [InlineData("?pageSize=1", 1)]
    [InlineData("?pageSize=100", 100)]
    public async Task ListPets_PageSizeWholeInAnyNotation_IsThatSize(string query, int expected)
    {
        for (var i = 0; i < 101; i++)
        {
            _app.Store.Seed(TestPets.New(id: $"{i:x32}"));
        }

        var result = await _app.Function<ListPets>().Run(Requests.Empty(query: query), default);

        Assert.Equal(expected, Assert.IsType<Ok<PetListResponse>>(result.Result).Value!.Value.Count);
    }

    [Theory]
    [InlineData("?pageSize=2.5", "whole number")]
    [InlineData("?pageSize=0", "from 1 to 100")]
    [InlineData("?pageSize=101", "from 1 to 100")]
    [InlineData("?pageSize=1e3", "from 1 to 100")]
    [InlineData("?pageSize=-0.5", "whole number")]
    public async Task ListPets_BadPageSize_SaysWhatIsWrongWithIt(string query, string expected)
    {
        var result = await _app.Function<ListPets>().Run(Requests.Empty(query: query), default);

        Assert.Contains(expected, Assert.Single(ProblemAssert.Errors(result.Result)["pageSize"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPets_IncludeDeleted_ReturnsDeletedToo()
    {
        _app.Store.Seed(TestPets.New(id: $"{1:x32}"));
        _app.Store.Seed(TestPets.New(id: $"{2:x32}").SoftDelete(TestPets.Start, TestPets.Start.AddDays(1)));

        var result = await _app.Function<ListPets>().Run(Requests.Empty(query: "?includeDeleted=true"), default);

        Assert.Equal(2, Assert.IsType<Ok<PetListResponse>>(result.Result).Value!.Value.Count);
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=ten", "pageSize")]
    [InlineData("?pageSize=-1", "pageSize")]
    [InlineData("?species=dragon", "species")]
    [InlineData("?status=sold", "status")]
    [InlineData("?includeDeleted=yes", "includeDeleted")]
    [InlineData("?species=dog&species=cat", "species")]
    [InlineData("?continuationToken=", "continuationToken")]
    [InlineData("?continuationToken=bogus", "continuationToken")]
    public async Task ListPets_InvalidQuery_ReturnsValidationProblemForTheParameter(string query, string parameter)
    {
        var result = await _app.Function<ListPets>().Run(Requests.Empty(query: query), default);

        Assert.True(ProblemAssert.Errors(result.Result).ContainsKey(parameter));
    }
}
