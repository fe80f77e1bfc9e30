using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions.Http;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Contract;

/// <summary>
/// The worker activates every function class from the app's service provider on each invocation; a dependency
/// that AddPetStore() forgot to register would only fail at the first call in Azure. Catch it here.
/// </summary>
public class ServiceRegistrationTests
{
    private static ServiceProvider BuildProvider() => AppServices
        .With(new Dictionary<string, string?> { ["PetStorage"] = "UseDevelopmentStorage=true" })
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Theory]
    [MemberData(nameof(FunctionsMetadata.EntryPoints), MemberType = typeof(FunctionsMetadata))]
    public void FunctionClass_IsActivatedFromTheAppsServices(string entryPoint)
    {
        var typeName = entryPoint[..entryPoint.LastIndexOf('.')];
        var type = typeof(ProblemMiddleware).Assembly.GetType(typeName, throwOnError: true)!;
        using var provider = BuildProvider();

        var instance = ActivatorUtilities.CreateInstance(provider, type);

        Assert.IsType(type, instance);
    }

    [Fact]
    public void Middleware_IsActivatedFromTheAppsServices()
    {
        using var provider = BuildProvider();

        Assert.NotNull(ActivatorUtilities.CreateInstance<ProblemMiddleware>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<CorrelationMiddleware>(provider));
    }
}
