using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Hosting;
using PetStore.Functions.Http;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions;

/// <summary>The worker as Program.cs builds it; the tests build it the same way.</summary>
internal static class PetStoreApplication
{
    /// <summary>
    /// The worker's log levels before any setting: frameworks at Warning, the app (and anything unnamed) at
    /// Information. The worker sends every log line it keeps to the host over gRPC, and the ASP.NET Core integration
    /// alone writes several Information lines per request, so they are filtered here, before they are sent; the
    /// host's own request and invocation logs are unaffected. An app setting wins over these
    /// (<c>Logging__LogLevel__Microsoft.AspNetCore=Information</c> brings those lines back).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LogLevelDefaults { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:System"] = "Warning",
        ["Logging:LogLevel:Azure"] = "Warning",
    };

    public static FunctionsApplicationBuilder ConfigurePetStore(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // First source, so that every later one (app settings, environment) overrides it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LogLevelDefaults });

        builder.ConfigureFunctionsWebApplication();
        builder.UseWhen<CorrelationMiddleware>(HttpTriggers.Match);
        builder.UseWhen<ProblemMiddleware>(HttpTriggers.Match);
        builder.Services.AddPetStore();
        builder.Services.AddPetStoreTelemetry(builder.Configuration);
        return builder;
    }
}
