using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

/// <summary>
/// The rules for the writable fields, through both paths that apply them (create and update): a whole number in any
/// JSON notation, and a name measured in what a person sees. Every rejection leaves the store as it was.
/// </summary>
public class PetFieldTests
{
    private readonly App _app = new();

    private async Task<(IResult? Create, IResult? Update)> SendAsync(string field, string json)
    {
        var existing = _app.Store.Seed(TestPets.New(name: "Rex"));
        var create = await _app.Function<CreatePet>().Run(
            Requests.Json(field == "name" ? $$"""{"name":{{json}},"species":"dog","ageMonths":2}""" : $$"""{"name":"Rex","species":"dog","ageMonths":{{json}}}"""),
            default);
        var update = await _app.Function<UpdatePet>().Run(Requests.Json($$"""{"{{field}}":{{json}}}""", "PATCH"), existing.Pet.Id, default);
        return (create.Result, update.Result);
    }

    private async Task AssertRejectedAsync(string field, string json, string expected, string? unexpected = null)
    {
        var before = _app.Store.Snapshot();
        var (create, update) = await SendAsync(field, json);

        foreach (var result in new[] { create, update })
        {
            var message = Assert.Single(ProblemAssert.Errors(result)[field]);
            Assert.Contains(expected, message, StringComparison.Ordinal);
            if (unexpected is not null)
            {
                Assert.DoesNotContain(unexpected, message, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before.Count + 1, _app.Store.Count);
        Assert.Empty(_app.Queue.Sent);
    }

    [Theory]
    [InlineData("24", 24)]
    [InlineData("24.0", 24)]
    [InlineData("24.000000000000000000000000000000000000000", 24)]
    [InlineData("2.4e1", 24)]
    [InlineData("2.4E+1", 24)]
    [InlineData("240e-1", 24)]
    [InlineData("0.24e2", 24)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("-0.0", 0)]
    [InlineData("0e5", 0)]
    [InlineData("6e2", 600)]
    [InlineData("600.0", 600)]
    [InlineData("6000e-1", 600)]
    public async Task AgeMonths_WholeNumberInAnyNotation_IsThatNumber(string json, int expected)
    {
        var (create, update) = await SendAsync("ageMonths", json);

        Assert.Equal(expected, Assert.IsType<Created<PetResponse>>(create).Value!.AgeMonths);
        Assert.Equal(expected, Assert.IsType<Ok<PetResponse>>(update).Value!.AgeMonths);
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("24.000000000000000000000000000001")]
    [InlineData("1e-400")]
    [InlineData("0.1e0")]
    [InlineData("0.01e1")]
    [InlineData("-0.5")]
    [InlineData("600.5")]
    [InlineData("6.0001e2")]
    public async Task AgeMonths_Fractional_SaysWholeNumberNotRange(string json) =>
        await AssertRejectedAsync("ageMonths", json, "whole number", unexpected: "between");

    [Theory]
    [InlineData("601")]
    [InlineData("6.01e2")]
    [InlineData("-1")]
    [InlineData("-1.0")]
    [InlineData("-1e0")]
    [InlineData("99999999999")]
    [InlineData("1e400")]
    [InlineData("1e999999999")]
    [InlineData("-1e999999999")]
    [InlineData("123456789012345678901234567890123456789012345678901234567890")]
    public async Task AgeMonths_WholeButOutOfRange_SaysTheRangeNotWholeNumber(string json) =>
        await AssertRejectedAsync("ageMonths", json, "between 0 and 600", unexpected: "whole");

    [Theory]
    [InlineData("\"\\u200b\"")]
    [InlineData("\"\\u200b\\u200c\\u200d\"")]
    [InlineData("\"\\u2060\"")]
    [InlineData("\"\\ufeff\"")]
    [InlineData("\"\\u00ad\"")]
    [InlineData("\"\\u180e\"")]
    [InlineData("\"\\u3164\"")]
    [InlineData("\"\\u115f\\u1160\"")]
    [InlineData("\"\\uffa0\"")]
    [InlineData("\"\\u2800\"")]
    [InlineData("\"\\u0301\"")]
    [InlineData("\"\\ufe0f\"")]
    [InlineData("\"\\u00a0\\u2003\\u3000\"")]
    [InlineData("\"\\u2028\\u2029\"")]
    [InlineData("\"\\u202e\\u200f\"")]
    [InlineData("\"\\udb40\\udc20\"")]
    [InlineData("\" \\u200b \\t \"")]
    public async Task Name_OnlyInvisibleOrWhitespace_IsBlank(string json) =>
        await AssertRejectedAsync("name", json, "blank");

    [Theory]
    [InlineData(100, "🐕")]
    [InlineData(60, "🐕")]
    [InlineData(100, "👨‍👩‍👧‍👦")]
    [InlineData(100, "🇳🇴")]
    [InlineData(100, "é")]
    [InlineData(100, "a")]
    [InlineData(100, "한")]
    public async Task Name_UpToOneHundredTextElements_IsAccepted(int count, string element)
    {
        var name = string.Concat(Enumerable.Repeat(element, count));

        var (create, update) = await SendAsync("name", $"\"{name}\"");

        Assert.Equal(name, Assert.IsType<Created<PetResponse>>(create).Value!.Name);
        Assert.Equal(name, Assert.IsType<Ok<PetResponse>>(update).Value!.Name);
    }

    [Theory]
    [InlineData(101, "🐕")]
    [InlineData(101, "a")]
    [InlineData(101, "👨‍👩‍👧‍👦")]
    public async Task Name_OverOneHundredTextElements_IsTooLong(int count, string element) =>
        await AssertRejectedAsync("name", $"\"{string.Concat(Enumerable.Repeat(element, count))}\"", "at most 100 characters");

    [Fact]
    public async Task Name_OneTextElementOfThousandsOfMarks_IsRefusedSoWhatIsStoredStaysBounded()
    {
        var zalgo = "a" + string.Concat(Enumerable.Repeat("\u0301", 5000));

        await AssertRejectedAsync("name", $"\"{zalgo}\"", string.Create(CultureInfo.InvariantCulture, $"{PetFields.MaxNameUtf16Length}"));
    }

    [Theory]
    [InlineData("\"Re\\u200bx\"", "Re\u200bx")]
    [InlineData("\"\\u200bRex\"", "\u200bRex")]
    [InlineData("\"  Rex  \"", "Rex")]
    public async Task Name_WithSomethingVisible_IsKept(string json, string expected)
    {
        var (create, _) = await SendAsync("name", json);

        Assert.Equal(expected, Assert.IsType<Created<PetResponse>>(create).Value!.Name);
    }
}
