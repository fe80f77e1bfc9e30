using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

public class UpdatePetTests
{
    private readonly App _app = new();

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    public async Task Run_PartialBody_ChangesOnlyTheGivenFields(string method)
    {
        var pet = _app.Store.Seed(TestPets.New(name: "Rex")).Pet;
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        var request = Requests.Json("""{"status":"available","ageMonths":13}""", method, $"/api/pets/{pet.Id}");
        var result = await _app.Function<UpdatePet>().Run(request, pet.Id, default);

        var updated = Assert.IsType<Ok<PetResponse>>(result.Result).Value!;
        Assert.Equal("Rex", updated.Name);
        Assert.Equal("dog", updated.Species);
        Assert.Equal(13, updated.AgeMonths);
        Assert.Equal("available", updated.Status);
        Assert.Equal(TestPets.Start.AddMinutes(5).UtcDateTime, updated.UpdatedAt);
        Assert.Equal(_app.Store[pet.Id]!.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Run_CurrentIfMatch_Updates()
    {
        var stored = _app.Store.Seed(TestPets.New());

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH").WithIfMatch(stored.ETag), stored.Pet.Id, default);

        Assert.Equal("Max", Assert.IsType<Ok<PetResponse>>(result.Result).Value!.Name);
    }

    [Fact]
    public async Task Run_StaleIfMatch_ReturnsPreconditionFailedAndChangesNothing()
    {
        var stale = _app.Store.Seed(TestPets.New());
        var current = _app.Store.Overwrite(stale.Pet with { AgeMonths = 20 });

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH").WithIfMatch(stale.ETag), stale.Pet.Id, default);

        Assert.Equal(StatusCodes.Status412PreconditionFailed, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Equal(current, _app.Store[stale.Pet.Id]);
    }

    [Fact]
    public async Task Run_ConcurrentWriteWithoutIfMatch_ReappliesOnTheNewVersionAndKeepsTheOtherChange()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        var raced = false;
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Replace" && !raced)
            {
                raced = true;
                _app.Store.Overwrite(pet with { Notes = "set by the reminder job" });
            }
        };

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), pet.Id, default);

        var updated = Assert.IsType<Ok<PetResponse>>(result.Result).Value!;
        Assert.Equal("Max", updated.Name);
        Assert.Equal("set by the reminder job", updated.Notes);
    }

    [Fact]
    public async Task Run_ConcurrentWriteWithIfMatch_ReturnsPreconditionFailed()
    {
        var stored = _app.Store.Seed(TestPets.New());
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Replace")
            {
                _app.Store.Overwrite(stored.Pet with { Notes = "raced" });
            }
        };

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH").WithIfMatch(stored.ETag), stored.Pet.Id, default);

        Assert.Equal(StatusCodes.Status412PreconditionFailed, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Equal("Rex", _app.Store[stored.Pet.Id]!.Pet.Name);
    }

    [Fact]
    public async Task Run_WritersThatNeverStop_GiveUpWithConflict()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Replace")
            {
                _app.Store.Overwrite(pet);
            }
        };

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), pet.Id, default);

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Equal(PetUpdater.MaxAttempts, _app.Store.Replaces);
    }

    [Theory]
    [InlineData("{}", "body", "at least one of")]
    [InlineData("""{"status":"deleted"}""", "status", "DELETE")]
    [InlineData("""{"status":"sold"}""", "status", "new, available, pending, adopted")]
    [InlineData("""{"name":"Max","createdAt":"2020-01-01T00:00:00Z"}""", "createdAt", "set by the service")]
    [InlineData("""{"nmae":"Max"}""", "nmae", "Unknown field")]
    [InlineData("""{"ageMonths":null}""", "ageMonths", "null")]
    public async Task Run_InvalidBody_ReturnsValidationProblemAndChangesNothing(string body, string field, string expected)
    {
        var stored = _app.Store.Seed(TestPets.New());

        var result = await _app.Function<UpdatePet>().Run(Requests.Json(body, "PATCH"), stored.Pet.Id, default);

        Assert.Contains(expected, Assert.Single(ProblemAssert.Errors(result.Result)[field]), StringComparison.Ordinal);
        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
    }

    [Fact]
    public async Task Run_DeletedPet_ReturnsConflictUntilRestored()
    {
        var pet = _app.Store.Seed(TestPets.New().SoftDelete(TestPets.Start, TestPets.Start.AddDays(30))).Pet;

        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), pet.Id, default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status409Conflict, problem.StatusCode);
        Assert.Contains("restore", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("not-a-pet")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcdef0")]
    [InlineData("' or PartitionKey ne '")]
    public async Task Run_UnknownOrImpossibleId_ReturnsNotFound(string id)
    {
        var result = await _app.Function<UpdatePet>().Run(Requests.Json("""{"name":"Max"}""", "PATCH"), id, default);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }
}
