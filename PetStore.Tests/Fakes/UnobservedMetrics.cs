using System.Diagnostics.Metrics;
using PetStore.Functions.Telemetry;

namespace PetStore.Tests.Fakes;

/// <summary>The app's metrics for code built by hand, outside a service provider, where nobody reads them.</summary>
internal static class UnobservedMetrics
{
    public static PetStoreMetrics Create() => new(new MeterFactory());

    private sealed class MeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
