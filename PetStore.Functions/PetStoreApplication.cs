using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PetStore.Functions.Http;

namespace PetStore.Functions;

/// <summary>The worker as Program.cs builds it; the tests build it the same way.</summary>
internal static class PetStoreApplication
{
    public static FunctionsApplicationBuilder ConfigurePetStore(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureFunctionsWebApplication();
        builder.UseWhen<CorrelationMiddleware>(HttpTriggers.Match);
        builder.UseWhen<ProblemMiddleware>(HttpTriggers.Match);
        builder.Services.AddPetStore();
        return builder;
    }
}
