using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PetStore.Tests.Fakes;

internal static class ProblemAssert
{
    /// <summary>Asserts a 400 validation problem and returns its <c>errors</c> map.</summary>
    public static IDictionary<string, string[]> Errors(IResult? result)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.ContentType);
        return Assert.IsType<HttpValidationProblemDetails>(problem.ProblemDetails).Errors;
    }

    /// <summary>Asserts a problem with <paramref name="status"/> and returns it.</summary>
    public static ProblemHttpResult Status(int status, IResult? result)
    {
        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(status, problem.StatusCode);
        return problem;
    }
}
