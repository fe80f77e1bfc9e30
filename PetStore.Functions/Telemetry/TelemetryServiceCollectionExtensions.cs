using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace PetStore.Functions.Telemetry;

/// <summary>Telemetry registers itself: the app's metrics always, the OpenTelemetry SDK and its exporters by setting.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app's instruments. Every feature that records a metric calls this; it registers once.</summary>
    public static IServiceCollection AddPetStoreMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<PetStoreMetrics>();
        return services;
    }

    /// <summary>
    /// Exports traces, metrics and logs to what the settings name (see <see cref="TelemetrySettings"/>): OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is,
    /// both when both are; when neither is, it registers nothing, so nothing listens and no span is even created.
    /// </summary>
    public static IServiceCollection AddPetStoreTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporters = TelemetrySettings.ExportersFrom(configuration);
        if (exporters == TelemetryExporters.None)
        {
            return services;
        }

        var telemetry = services.AddPetStoreOpenTelemetry();
        if (exporters.HasFlag(TelemetryExporters.Otlp))
        {
            // Endpoint, protocol, headers and per-signal endpoints come from the standard OTEL_EXPORTER_OTLP_* settings.
            telemetry.UseOtlpExporter();
        }

        if (exporters.HasFlag(TelemetryExporters.AzureMonitor))
        {
            // The connection string (APPLICATIONINSIGHTS_CONNECTION_STRING) only says where to send; Application
            // Insights has local auth disabled, so the token of the app's managed identity is what authorizes it.
            telemetry.UseAzureMonitorExporter();
            services.AddAzureClientsCore();
            services.AddOptions<AzureMonitorExporterOptions>()
                .Configure<IConfiguration, AzureComponentFactory>((options, settings, components) =>
                {
                    if (TelemetrySettings.CredentialSection(settings[TelemetrySettings.ApplicationInsightsAuthentication]) is { } identity)
                    {
                        options.Credential = components.CreateTokenCredential(identity);
                    }
                })
                .Validate(options => options.Credential is not null, TelemetrySettings.MissingAuthenticationMessage)
                .ValidateOnStart();
        }

        return services;
    }

    /// <summary>
    /// The OpenTelemetry SDK with the worker's defaults (its invocation spans, correlated with the host's, and the
    /// Functions resource) and the app's sources: its own spans and metrics and the Azure SDK's storage spans.
    /// Adds no exporter; <see cref="AddPetStoreTelemetry"/> does, and tests add in-memory ones.
    /// </summary>
    public static IOpenTelemetryBuilder AddPetStoreOpenTelemetry(this IServiceCollection services) => services
        .AddPetStoreMetrics()
        .AddOpenTelemetry()
        .UseFunctionsWorkerDefaults()
        .WithTracing(tracing => tracing.AddPetStoreInstrumentation())
        .WithMetrics(metrics => metrics.AddPetStoreInstrumentation());

    /// <summary>The app's spans and the Azure SDK's storage spans.</summary>
    public static TracerProviderBuilder AddPetStoreInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddSource(PetStoreTelemetry.Name, PetStoreTelemetry.AzureSdkSources);

    /// <summary>The app's metrics.</summary>
    public static MeterProviderBuilder AddPetStoreInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(PetStoreTelemetry.Name);
}
