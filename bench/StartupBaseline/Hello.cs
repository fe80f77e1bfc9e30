using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;

namespace PetStore.Bench.StartupBaseline;

/// <summary>The quickstart's one function; public so the generated executor calls it directly, as PetStore's are.</summary>
public sealed class Hello
{
    [Function(nameof(Hello))]
    public Ok<string> Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => TypedResults.Ok("Hello");
}
