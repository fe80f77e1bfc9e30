using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Http;

/// <summary>
/// How a JSON body is read, on both paths that read one (create, and update by PATCH/PUT): text that cannot be
/// decoded, media types and their parameters, and encodings. Every rejection leaves the store and the queue as
/// they were.
/// </summary>
public class JsonRequestTests
{
    private readonly App _app = new();
    private readonly StoredPet _existing;

    public JsonRequestTests() => _existing = _app.Store.Seed(TestPets.New(name: "Rex"));

    public static TheoryData<string, byte[], string> UndecodableText() => new()
    {
        // Invalid UTF-8 inside a value: a stray byte, an overlong NUL, a UTF-8-encoded surrogate, a truncated sequence.
        { "stray byte in a value", Bytes("""{"name":"Re""", [0xFF], """x","species":"dog","ageMonths":2}"""), "name" },
        { "overlong encoding", Bytes("""{"name":"Re""", [0xC0, 0x80], """x","species":"dog","ageMonths":2}"""), "name" },
        { "encoded surrogate", Bytes("""{"name":"Re""", [0xED, 0xA0, 0x80], """x","species":"dog","ageMonths":2}"""), "name" },
        { "truncated sequence", Bytes("""{"name":"Re""", [0xE2, 0x82], "\",\"species\":\"dog\",\"ageMonths\":2}"), "name" },
        { "in another field", Bytes("""{"name":"Rex","species":"d""", [0xFE], """og","ageMonths":2}"""), "species" },
        { "in an unknown field's value", Bytes("""{"name":"Rex","species":"dog","ageMonths":2,"colour":["r""", [0xFF], """d"]}"""), "colour" },

        // JSON escapes that decode to a lone surrogate, which no UTF-16 string can hold.
        { "escaped lone high surrogate", Bytes("""{"name":"Re\ud800x","species":"dog","ageMonths":2}"""), "name" },
        { "escaped lone low surrogate", Bytes("""{"name":"\udc00","species":"dog","ageMonths":2}"""), "name" },

        // A property name that cannot be decoded cannot be named: the body is at fault.
        { "in a property name", Bytes("""{"na""", [0xFF], """me":"Rex","species":"dog","ageMonths":2}"""), "body" },
        { "escaped surrogate in a property name", Bytes("""{"\ud800":"x","name":"Rex","species":"dog","ageMonths":2}"""), "body" },

        // Outside a string it is not JSON at all.
        { "between tokens", Bytes("""{"name":"Rex",""", [0xFF], "\"species\":\"dog\",\"ageMonths\":2}"), "body" },
    };

    [Theory]
    [MemberData(nameof(UndecodableText))]
    public async Task Create_UndecodableText_IsABadRequestNamingTheFieldAndStoresNothing(string kind, byte[] body, string field)
    {
        var before = _app.Store.Snapshot();

        var result = await _app.Function<CreatePet>().Run(Requests.WithBody(body, "POST", "/api/pets", "application/json"), default);

        var errors = ProblemAssert.Errors(result.Result);
        Assert.True(errors.ContainsKey(field), $"{kind}: errors name {string.Join(", ", errors.Keys)}, not {field}.");
        Assert.Equal(before, _app.Store.Snapshot());
        Assert.Empty(_app.Queue.Sent);
    }

    [Theory]
    [MemberData(nameof(UndecodableText))]
    public async Task Update_UndecodableText_IsABadRequestNamingTheFieldAndChangesNothing(string kind, byte[] body, string field)
    {
        var before = _app.Store.Snapshot();

        foreach (var method in new[] { "PATCH", "PUT" })
        {
            var result = await _app.Function<UpdatePet>().Run(Requests.WithBody(body, method, $"/api/pets/{_existing.Pet.Id}", "application/json"), _existing.Pet.Id, default);

            var errors = ProblemAssert.Errors(result.Result);
            Assert.True(errors.ContainsKey(field), $"{kind} ({method}): errors name {string.Join(", ", errors.Keys)}, not {field}.");
        }

        Assert.Equal(before, _app.Store.Snapshot());
    }

    [Fact]
    public async Task Create_Utf8ByteOrderMark_IsAcceptedAsAspNetCoreAccepts()
    {
        var result = await _app.Function<CreatePet>().Run(
            Requests.WithBody(Bytes("", [0xEF, 0xBB, 0xBF], """{"name":"Rex","species":"dog","ageMonths":2}"""), "POST", "/api/pets", "application/json"),
            default);

        Assert.IsType<Created<PetResponse>>(result.Result);
    }

    [Fact]
    public async Task Create_NonAsciiText_IsStoredAsSent()
    {
        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Zoë 🐕 Ærø","species":"dog","ageMonths":2}"""), default);

        Assert.Equal("Zoë 🐕 Ærø", Assert.IsType<Created<PetResponse>>(result.Result).Value!.Name);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("application/json; Charset=utf-8")]
    [InlineData("application/json; CHARSET=Utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/json; odata.metadata=minimal")]
    [InlineData("application/json; charset=utf-8; odata.metadata=minimal")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/problem+json; charset=utf-8")]
    public async Task Create_Utf8JsonMediaType_IsAccepted(string contentType)
    {
        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":2}""", contentType: contentType), default);

        Assert.IsType<Created<PetResponse>>(result.Result);
    }

    [Theory]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"utf-16\"")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=us-ascii")]
    [InlineData("application/json; charset=utf-32")]
    [InlineData("application/json; charset=klingon")]
    public async Task Create_OtherCharset_IsUnsupportedMediaTypeSayingUtf8IsRequired(string contentType)
    {
        var before = _app.Store.Snapshot();

        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":2}""", contentType: contentType), default);

        var problem = ProblemAssert.Status(StatusCodes.Status415UnsupportedMediaType, result.Result);
        Assert.Contains("UTF-8", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Equal(before, _app.Store.Snapshot());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("text/json")]
    [InlineData("application/xml")]
    [InlineData("application/jsonx")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("not a media type")]
    public async Task Update_NotJson_IsUnsupportedMediaTypeAndChangesNothing(string contentType)
    {
        var before = _app.Store.Snapshot();

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH", contentType: contentType), _existing.Pet.Id, default);

        var problem = ProblemAssert.Status(StatusCodes.Status415UnsupportedMediaType, result.Result);
        Assert.Contains("application/json", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Equal(before, _app.Store.Snapshot());
    }

    private static byte[] Bytes(string before, byte[] raw, string after) => [.. Encoding.UTF8.GetBytes(before), .. raw, .. Encoding.UTF8.GetBytes(after)];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
