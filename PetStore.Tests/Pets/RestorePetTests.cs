using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

public class RestorePetTests
{
    private readonly App _app = new();

    [Fact]
    public async Task Run_DeletedPet_RestoresPreviousStatusAndForgetsThePurge()
    {
        var pet = _app.Store.Seed(TestPets.New(status: PetStatus.Adopted)).Pet;
        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default);
        _app.Time.Advance(TimeSpan.FromDays(1));
        var request = Requests.Empty("POST", $"/api/pets/{pet.Id}/restore");

        var result = await _app.Function<RestorePet>().Run(request, pet.Id, default);

        var restored = Assert.IsType<Ok<PetResponse>>(result.Result).Value!;
        Assert.Equal("adopted", restored.Status);
        Assert.Null(restored.DeletedAt);
        Assert.Null(restored.PurgeAt);
        Assert.Empty(_app.PurgeIndex.Entries);
        Assert.Equal(_app.Store[pet.Id]!.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Run_PetNotDeleted_ReturnsConflict()
    {
        var stored = _app.Store.Seed(TestPets.New());

        var result = await _app.Function<RestorePet>().Run(Requests.Empty("POST"), stored.Pet.Id, default);

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Equal(stored, _app.Store[stored.Pet.Id]);
    }

    [Fact]
    public async Task Run_UnknownId_ReturnsNotFound()
    {
        var result = await _app.Function<RestorePet>().Run(Requests.Empty("POST"), "nope", default);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
    }
}
