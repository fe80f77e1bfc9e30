using System.Text;
using PetStore.Functions.OpenApi;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.OpenApi;

/// <summary>The OpenAPI document as <see cref="GetOpenApiDocument"/> serves it, fetched once per test run.</summary>
internal static class ServedDocument
{
    private static readonly Lazy<Task<ApiResponse>> Served = new(() =>
    {
        var request = Requests.Empty(path: "/api/openapi.json");
        return ApiCall.RunAsync(request, () => Task.FromResult(new GetOpenApiDocument().Run(request)));
    });

    private static readonly Lazy<Task<ApiContract>> Parsed = new(async () => new ApiContract(await JsonAsync()));

    public static Task<ApiResponse> ResponseAsync() => Served.Value;

    public static async Task<string> JsonAsync() => Encoding.UTF8.GetString((await Served.Value).Body);

    public static Task<ApiContract> ContractAsync() => Parsed.Value;
}
