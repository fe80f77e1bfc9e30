using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Pets;

public class DeletePetTests
{
    private readonly App _app = new();

    [Fact]
    public async Task Run_LivePet_SoftDeletesWithRetentionAndIndexesItWithItsETag()
    {
        _app.Retention.RetentionPeriod = TimeSpan.FromDays(7);
        var pet = _app.Store.Seed(TestPets.New(status: PetStatus.Pending)).Pet;
        var request = Requests.Empty("DELETE", $"/api/pets/{pet.Id}");
        request.Headers["x-correlation-id"] = "delete-1";

        var result = await _app.Function<DeletePet>().Run(request, pet.Id, default);

        var accepted = Assert.IsType<Accepted<DeletePetResponse>>(result.Result);
        var purgeAt = TestPets.Start.AddDays(7);
        Assert.Equal(pet.Id, accepted.Value!.PetId);
        Assert.Equal(purgeAt.UtcDateTime, accepted.Value.PurgeAt);
        Assert.Contains("restore", accepted.Value.Message, StringComparison.Ordinal);

        var stored = _app.Store[pet.Id]!;
        Assert.Equal(PetStatus.Deleted, stored.Pet.Status);
        Assert.Equal(PetStatus.Pending, stored.Pet.StatusBeforeDelete);
        Assert.Equal(TestPets.Start, stored.Pet.DeletedAt);
        Assert.Equal(purgeAt, stored.Pet.PurgeAt);
        var entry = Assert.Single(_app.PurgeIndex.Entries);
        Assert.Equal((pet.Id, purgeAt, "delete-1", stored.ETag), (entry.PetId, entry.PurgeAt, entry.CorrelationId, entry.PetETag));
        Assert.Equal(stored.ETag, request.HttpContext.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Run_DeletedAgain_ReturnsSamePurgeAtWithoutWriting()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default);
        var afterFirst = _app.Store[pet.Id];
        _app.Time.Advance(TimeSpan.FromDays(2));

        var result = await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default);

        Assert.Equal(TestPets.Start.AddDays(30).UtcDateTime, Assert.IsType<Accepted<DeletePetResponse>>(result.Result).Value!.PurgeAt);
        Assert.Equal(afterFirst, _app.Store[pet.Id]);
        Assert.Single(_app.PurgeIndex.Entries);
    }

    [Fact]
    public async Task Run_UnknownId_ReturnsNotFoundAndIndexesNothing()
    {
        var result = await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), TestPets.New().Id, default);

        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.Empty(_app.PurgeIndex.Entries);
    }

    [Fact]
    public async Task Run_StaleIfMatch_ReturnsPreconditionFailedAndKeepsThePet()
    {
        var stale = _app.Store.Seed(TestPets.New());
        _app.Store.Overwrite(stale.Pet with { Name = "Max" });

        var result = await _app.Function<DeletePet>().Run(Requests.Empty("DELETE").WithIfMatch(stale.ETag), stale.Pet.Id, default);

        Assert.Equal(StatusCodes.Status412PreconditionFailed, Assert.IsType<ProblemHttpResult>(result.Result).StatusCode);
        Assert.False(_app.Store[stale.Pet.Id]!.Pet.IsDeleted);
    }

    [Fact]
    public async Task Run_IndexUnavailable_FailsBeforeTheSoftDelete()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        _app.PurgeIndex.BeforeCall = _ => throw new DependencyUnavailableException("down", new InvalidOperationException());

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), pet.Id, default));

        Assert.False(_app.Store[pet.Id]!.Pet.IsDeleted);
    }
}
