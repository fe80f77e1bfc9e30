using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

public class CreatePetTests
{
    private readonly App _app = new();

    [Fact]
    public async Task Run_ValidBody_StoresNewPetQueuesReminderAndReturnsCreated()
    {
        var request = Requests.Json("""{"name":"  Rex  ","species":"dog","ageMonths":14}""");
        request.Headers["x-correlation-id"] = "req-42";

        var result = await _app.Function<CreatePet>().Run(request, default);

        var created = Assert.IsType<Created<PetResponse>>(result.Result);
        var pet = created.Value!;
        Assert.Equal("Rex", pet.Name);
        Assert.Equal("dog", pet.Species);
        Assert.Equal(14, pet.AgeMonths);
        Assert.Equal("new", pet.Status);
        Assert.Equal(TestPets.Start.UtcDateTime, pet.CreatedAt);
        Assert.Null(pet.NextFeedingAt);
        Assert.Equal($"/api/pets/{pet.Id}", created.Location);
        Assert.True(PetIds.IsWellFormed(pet.Id));

        var stored = _app.Store[pet.Id]!;
        Assert.Equal(stored.ETag, request.HttpContext.Response.Headers.ETag.ToString());
        var message = Assert.Single(_app.Queue.Sent);
        Assert.Equal(pet.Id, message.PetId);
        Assert.Equal("req-42", message.CorrelationId);
    }

    [Theory]
    [InlineData("""{"species":"dog","ageMonths":1}""", "name", "required")]
    [InlineData("""{"name":"   ","species":"dog","ageMonths":1}""", "name", "blank")]
    [InlineData("""{"name":null,"species":"dog","ageMonths":1}""", "name", "null")]
    [InlineData("""{"name":7,"species":"dog","ageMonths":1}""", "name", "string")]
    [InlineData("""{"name":"Rex","species":"dragon","ageMonths":1}""", "species", "dog, cat, bird, other")]
    [InlineData("""{"name":"Rex","species":"Dog","ageMonths":1}""", "species", "dog, cat, bird, other")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":-1}""", "ageMonths", "between 0 and 600")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":601}""", "ageMonths", "between 0 and 600")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":99999999999}""", "ageMonths", "between 0 and 600")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":2.5}""", "ageMonths", "whole number")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":"12"}""", "ageMonths", "number")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":1,"colour":"red"}""", "colour", "Unknown field")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":1,"id":"abc"}""", "id", "set by the service")]
    [InlineData("""{"name":"Rex","species":"dog","ageMonths":1,"status":"available"}""", "status", "starts as 'new'")]
    [InlineData("""{"name":"Rex","name":"Max","species":"dog","ageMonths":1}""", "body", "not valid JSON")]
    [InlineData("""{"name":"Rex",""", "body", "not valid JSON")]
    [InlineData("""[{"name":"Rex","species":"dog","ageMonths":1}]""", "body", "an array")]
    [InlineData("42", "body", "a number")]
    [InlineData("null", "body", "null")]
    public async Task Run_InvalidBody_ReturnsValidationProblemNamingTheFieldAndStoresNothing(string body, string field, string expected)
    {
        var result = await _app.Function<CreatePet>().Run(Requests.Json(body), default);

        Assert.Contains(expected, Assert.Single(ProblemAssert.Errors(result.Result)[field]), StringComparison.Ordinal);
        Assert.Empty((await _app.Store.ListAsync(new PetQuery(null, null, true, 100, null), default)).Pets);
        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Run_NameOfMaximumLength_IsAcceptedAndOneLongerIsNot()
    {
        var ok = await _app.Function<CreatePet>().Run(Requests.Json($$"""{"name":"{{new string('a', 100)}}","species":"cat","ageMonths":0}"""), default);
        var tooLong = await _app.Function<CreatePet>().Run(Requests.Json($$"""{"name":"{{new string('a', 101)}}","species":"cat","ageMonths":0}"""), default);

        Assert.IsType<Created<PetResponse>>(ok.Result);
        Assert.Contains("at most 100", ProblemAssert.Errors(tooLong.Result)["name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SeveralBadFields_ReportsEachField()
    {
        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"","species":"fish","ageMonths":1.5,"extra":1}"""), default);

        Assert.Equal(["ageMonths", "extra", "name", "species"], ProblemAssert.Errors(result.Result).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Run_NonJsonContentType_ReturnsUnsupportedMediaType(string contentType)
    {
        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}""", contentType: contentType), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, problem.StatusCode);
        Assert.Contains("application/json", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Run_JsonWithCharsetOrSuffix_IsAccepted()
    {
        var withCharset = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}""", contentType: "application/json; charset=utf-8"), default);
        var withSuffix = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}""", contentType: "application/merge-patch+json"), default);

        Assert.IsType<Created<PetResponse>>(withCharset.Result);
        Assert.IsType<Created<PetResponse>>(withSuffix.Result);
    }

    [Fact]
    public async Task Run_BodyOverLimit_ReturnsPayloadTooLarge()
    {
        var padding = new string(' ', 64 * 1024);
        var request = Requests.Json($$"""{"name":"Rex","species":"dog","ageMonths":1}{{padding}}""");

        var result = await _app.Function<CreatePet>().Run(request, default);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Run_BodyOverLimitWithoutContentLength_ReturnsPayloadTooLarge()
    {
        var request = Requests.Json($$"""{"name":"{{new string('a', 70_000)}}","species":"dog","ageMonths":1}""");
        request.ContentLength = null;

        var result = await _app.Function<CreatePet>().Run(request, default);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }

    [Fact]
    public async Task Run_EmptyBody_ReturnsValidationProblemForBody()
    {
        var result = await _app.Function<CreatePet>().Run(Requests.WithBody([], "POST", "/api/pets", "application/json"), default);

        Assert.Contains("required", ProblemAssert.Errors(result.Result)["body"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_QueueUnavailable_RemovesThePetAgainAndReturnsServiceUnavailable()
    {
        _app.Queue.BeforeCall = _ => throw new DependencyUnavailableException("queue down", new InvalidOperationException());

        var result = await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}"""), default);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Contains("not created", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Empty((await _app.Store.ListAsync(new PetQuery(null, null, true, 100, null), default)).Pets);
    }

    [Fact]
    public async Task Run_StorageUnavailable_LetsTheFaultReachTheProblemMiddlewareWithoutQueueing()
    {
        _app.Store.BeforeCall = call => { if (call.Operation == "Add") { throw new DependencyUnavailableException("table down", new InvalidOperationException()); } };

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}"""), default));

        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task Run_InsertLandedButItsRetryConflicted_TreatsTheRowAsThisPet()
    {
        // The SDK retries an insert whose response was lost; the retry meets the row the first attempt wrote.
        _app.Store.BeforeCall = call =>
        {
            if (call.Operation == "Add")
            {
                _app.Store.Seed(call.Pet!);
            }
        };

        var request = Requests.Json("""{"name":"Rex","species":"dog","ageMonths":1}""");

        var result = await _app.Function<CreatePet>().Run(request, default);

        var created = Assert.IsType<Created<PetResponse>>(result.Result);
        Assert.Equal(created.Value!.Id, Assert.Single(_app.Queue.Sent).PetId);
        Assert.Equal(_app.Store[created.Value.Id]!.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }
}
