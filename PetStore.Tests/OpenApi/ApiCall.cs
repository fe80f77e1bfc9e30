using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PetStore.Functions.Http;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// Runs an HTTP function as the worker does and returns what the client would receive: the app's HTTP middleware
/// around it (correlation header, problems for escaped exceptions), then its result written to the response by
/// ASP.NET Core, so the status, headers and JSON are the real ones.
/// </summary>
internal static class ApiCall
{
    // What writing a result needs from the request's services: a logger factory. JSON options fall back to the web
    // defaults, as in the worker.
    private static readonly IServiceProvider RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

    public static async Task<ApiResponse> RunAsync(HttpRequest request, Func<Task<IResult>> function)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(function);
        var http = request.HttpContext;
        http.RequestServices = RequestServices;
        using var body = new MemoryStream();
        http.Response.Body = body;

        var context = new TestFunctionContext("GetPet", "httpTrigger", http);
        var problems = new ProblemMiddleware(NullLogger<ProblemMiddleware>.Instance);
        await new CorrelationMiddleware(NullLogger<CorrelationMiddleware>.Instance).Invoke(context, c => problems.Invoke(c, async inner =>
            inner.GetInvocationResult().Value = await function()));

        var result = Assert.IsAssignableFrom<IResult>(context.InvocationResult);
        await result.ExecuteAsync(http);
        return ApiResponse.From(http.Response, body.ToArray());
    }

    public static Task<ApiResponse> RunAsync<TResult>(HttpRequest request, Func<Task<TResult>> function)
        where TResult : IResult => RunAsync(request, async () => (IResult)await function());
}
