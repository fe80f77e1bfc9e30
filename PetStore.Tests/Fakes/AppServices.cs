using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions;

namespace PetStore.Tests.Fakes;

internal static class AppServices
{
    /// <summary>The app's real service registration on the given settings, as the worker builds it from app settings.</summary>
    public static IServiceCollection With(IEnumerable<KeyValuePair<string, string?>> settings) => new ServiceCollection()
        .AddLogging()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
        .AddPetStore();
}
