using Microsoft.AspNetCore.Http;
using PetStore.Functions.Http;
using PetStore.Functions.Storage;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Http;

public class HttpPipelineTests
{
    [Fact]
    public void ProblemFor_StorageUnavailable_IsRetryableServiceUnavailable()
    {
        var problem = ProblemMiddleware.ProblemFor(new StorageUnavailableException("down", new InvalidOperationException("secret detail")));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.DoesNotContain("secret", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemFor_AnythingElse_IsInternalErrorWithoutInternals()
    {
        var problem = ProblemMiddleware.ProblemFor(new AggregateException(new InvalidOperationException("connection string=secret")));

        Assert.Equal(StatusCodes.Status500InternalServerError, problem.StatusCode);
        Assert.DoesNotContain("secret", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", problem.ContentType);
    }

    [Fact]
    public void ProblemFor_WrappedStorageFault_IsUnwrapped()
    {
        var problem = ProblemMiddleware.ProblemFor(new AggregateException(new StorageUnavailableException("down", new InvalidOperationException())));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
    }

    [Theory]
    [InlineData("abc-123_X.y", "abc-123_X.y")]
    [InlineData("has space", null)]
    [InlineData("", null)]
    public void CorrelationId_For_TakesOnlySafeIdsFromTheCaller(string sent, string? expected)
    {
        var request = Requests.Empty();
        request.Headers[CorrelationId.HeaderName] = sent;

        var id = CorrelationId.For(request);

        if (expected is null)
        {
            Assert.NotEqual(sent, id);
            Assert.Matches("^[0-9a-f]{32}$", id);
        }
        else
        {
            Assert.Equal(expected, id);
        }

        Assert.Equal(id, request.HttpContext.Response.Headers[CorrelationId.HeaderName].ToString());
    }

    [Fact]
    public void CorrelationId_For_RejectsOverlongIds()
    {
        var request = Requests.Empty();
        request.Headers[CorrelationId.HeaderName] = new string('a', 65);

        Assert.NotEqual(new string('a', 65), CorrelationId.For(request));
    }
}
