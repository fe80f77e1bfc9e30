using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

/// <summary>
/// Conditional requests (RFC 9110 §13): <c>If-Match</c> on every change (a list matches when any entity tag in it
/// does; <c>*</c> matches any current pet), and <c>If-None-Match</c> on <c>GET</c>, answering 304 so clients can
/// cache. ETags are compared as the service issued them, weak prefix included; If-None-Match compares weakly, as the
/// RFC says.
/// </summary>
public class ConditionalRequestTests
{
    private readonly App _app = new();

    private static string[] Lines(string header, string eTag) => header.Replace("{etag}", eTag, StringComparison.Ordinal).Split('\n');

    private async Task<IResult?> ChangeAsync(string change, StoredPet stored, StringValues ifMatch)
    {
        var id = stored.Pet.Id;
        IResult? result = change switch
        {
            "update" => (await _app.Function<UpdatePet>().Run(WithIfMatch(Requests.Json("""{"name":"Max"}""", "PATCH"), ifMatch), id, default)).Result,
            "delete" => (await _app.Function<DeletePet>().Run(WithIfMatch(Requests.Empty("DELETE"), ifMatch), id, default)).Result,
            "restore" => (await _app.Function<RestorePet>().Run(WithIfMatch(Requests.Empty("POST"), ifMatch), id, default)).Result,
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        return result;
    }

    private static HttpRequest WithIfMatch(HttpRequest request, StringValues ifMatch)
    {
        request.Headers.IfMatch = ifMatch;
        return request;
    }

    private StoredPet SeedFor(string change) =>
        _app.Store.Seed(change == "restore" ? TestPets.New().SoftDelete(TestPets.Start, TestPets.Start.AddDays(30)) : TestPets.New());

    public static TheoryData<string, string> MatchingLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var change in new[] { "update", "delete", "restore" })
        {
            data.Add(change, "{etag}");
            data.Add(change, "\"x\", {etag}");
            data.Add(change, "{etag}, \"x\"");
            data.Add(change, "W/\"x\",{etag}");
            data.Add(change, "  \"x\"  ,   {etag}  ");
            data.Add(change, "\"x\"\n{etag}");
            data.Add(change, "*");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MatchingLists))]
    public async Task IfMatch_ListWithTheCurrentETag_Applies(string change, string header)
    {
        var stored = SeedFor(change);

        var result = await ChangeAsync(change, stored, Lines(header, stored.ETag));

        Assert.IsNotType<ProblemHttpResult>(result);
        Assert.NotEqual(stored, _app.Store[stored.Pet.Id]);
    }

    public static TheoryData<string, string> NonMatchingLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var change in new[] { "update", "delete", "restore" })
        {
            data.Add(change, "\"x\"");
            data.Add(change, "\"x\", W/\"y\"");

            // The same opaque tag without the weak prefix is another entity tag (compared as issued).
            data.Add(change, "{strong}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NonMatchingLists))]
    public async Task IfMatch_ListWithoutTheCurrentETag_IsPreconditionFailedAndChangesNothing(string change, string header)
    {
        var stored = SeedFor(change);
        header = header.Replace("{strong}", stored.ETag[2..], StringComparison.Ordinal);

        var result = await ChangeAsync(change, stored, Lines(header, stored.ETag));

        ProblemAssert.Status(StatusCodes.Status412PreconditionFailed, result);
        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
        Assert.Empty(_app.Queue.Sent);
    }

    public static TheoryData<string, string> MalformedLists()
    {
        var data = new TheoryData<string, string>();
        foreach (var change in new[] { "update", "delete", "restore" })
        {
            data.Add(change, "abc");
            data.Add(change, "{etag} abc");
            data.Add(change, "\"unterminated");
            data.Add(change, "*, {etag}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MalformedLists))]
    public async Task IfMatch_Malformed_IsABadRequestNamingTheHeaderAndChangesNothing(string change, string header)
    {
        var stored = SeedFor(change);

        var result = await ChangeAsync(change, stored, Lines(header, stored.ETag));

        Assert.True(ProblemAssert.Errors(result).ContainsKey("If-Match"));
        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
        Assert.Empty(_app.Queue.Sent);
    }

    [Theory]
    [InlineData("{etag}")]
    [InlineData("{weakless}")]
    [InlineData("\"x\", {etag}")]
    [InlineData("\"x\"\n{etag}")]
    [InlineData("*")]
    public async Task GetPet_IfNoneMatchWithTheCurrentETag_IsNotModifiedWithTheETag(string header)
    {
        var stored = _app.Store.Seed(TestPets.New());
        var request = Requests.Empty(path: $"/api/pets/{stored.Pet.Id}");
        request.Headers.IfNoneMatch = Lines(header.Replace("{weakless}", stored.ETag[2..], StringComparison.Ordinal), stored.ETag);

        var result = await _app.Function<GetPet>().Run(request, stored.Pet.Id, default);

        Assert.Equal(StatusCodes.Status304NotModified, Assert.IsType<StatusCodeHttpResult>(result.Result).StatusCode);
        Assert.Equal(stored.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("\"x\"")]
    [InlineData("W/\"x\", \"y\"")]
    public async Task GetPet_IfNoneMatchWithoutTheCurrentETag_ReturnsThePet(string header)
    {
        var stored = _app.Store.Seed(TestPets.New());
        var request = Requests.Empty(path: $"/api/pets/{stored.Pet.Id}");
        request.Headers.IfNoneMatch = header;

        var result = await _app.Function<GetPet>().Run(request, stored.Pet.Id, default);

        Assert.IsType<Ok<PetResponse>>(result.Result);
    }

    [Fact]
    public async Task GetPet_IfNoneMatchAfterAChange_ReturnsTheNewVersion()
    {
        var stale = _app.Store.Seed(TestPets.New());
        _app.Store.Overwrite(stale.Pet with { Name = "Max" });
        var request = Requests.Empty(path: $"/api/pets/{stale.Pet.Id}");
        request.Headers.IfNoneMatch = stale.ETag;

        var result = await _app.Function<GetPet>().Run(request, stale.Pet.Id, default);

        Assert.Equal("Max", Assert.IsType<Ok<PetResponse>>(result.Result).Value!.Name);
    }

    [Fact]
    public async Task GetPet_IfNoneMatchMalformed_IsABadRequestNamingTheHeader()
    {
        var stored = _app.Store.Seed(TestPets.New());
        var request = Requests.Empty(path: $"/api/pets/{stored.Pet.Id}");
        request.Headers.IfNoneMatch = "not-an-etag";

        var result = await _app.Function<GetPet>().Run(request, stored.Pet.Id, default);

        Assert.True(ProblemAssert.Errors(result.Result).ContainsKey("If-None-Match"));
    }

    [Fact]
    public async Task GetPet_IfNoneMatchStarForAMissingPet_IsNotFound()
    {
        var request = Requests.Empty();
        request.Headers.IfNoneMatch = "*";

        var result = await _app.Function<GetPet>().Run(request, TestPets.New().Id, default);

        ProblemAssert.Status(StatusCodes.Status404NotFound, result.Result);
    }
}
