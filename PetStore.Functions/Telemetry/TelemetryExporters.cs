using Microsoft.Extensions.Configuration;

namespace PetStore.Functions.Telemetry;

/// <summary>Where the worker exports its traces, metrics and logs.</summary>
[Flags]
internal enum TelemetryExporters
{
    /// <summary>Neither setting is set: no OpenTelemetry SDK is registered and nothing is exported.</summary>
    None = 0,

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: OTLP, configured by the standard <c>OTEL_*</c> settings.</summary>
    Otlp = 1,

    /// <summary><c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set: Azure Monitor, with an Entra ID token.</summary>
    AzureMonitor = 2,
}

/// <summary>The settings that choose and authenticate the exporters: the standard ones, read as the host reads them.</summary>
internal static class TelemetrySettings
{
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// The Functions host's setting for Entra ID authentication to Application Insights:
    /// <c>Authorization=AAD</c> for the system-assigned identity, <c>ClientId=&lt;client id&gt;;Authorization=AAD</c>
    /// for a user-assigned one. The worker reads the same setting, so host and worker report as the same identity.
    /// </summary>
    public const string ApplicationInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static string MissingAuthenticationMessage { get; } =
        $"{ApplicationInsightsConnectionString} is set, and Application Insights accepts only Entra ID tokens from this app: set " +
        $"{ApplicationInsightsAuthentication} to 'ClientId=<managed identity client id>;Authorization=AAD' (or 'Authorization=AAD' " +
        "for the system-assigned identity).";

    public static TelemetryExporters ExportersFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var exporters = TelemetryExporters.None;
        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpoint]))
        {
            exporters |= TelemetryExporters.Otlp;
        }

        if (!string.IsNullOrWhiteSpace(configuration[ApplicationInsightsConnectionString]))
        {
            exporters |= TelemetryExporters.AzureMonitor;
        }

        return exporters;
    }

    /// <summary>
    /// The managed identity named by an <see cref="ApplicationInsightsAuthentication"/> value, as the configuration
    /// section <c>AzureComponentFactory.CreateTokenCredential</c> reads (the same shape as <c>PetStorage__credential</c>
    /// and <c>PetStorage__clientId</c>); null unless the value says <c>Authorization=AAD</c>.
    /// </summary>
    public static IConfiguration? CredentialSection(string? authentication)
    {
        var pairs = (authentication ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.OrdinalIgnoreCase);
        if (!pairs.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var section = new Dictionary<string, string?> { ["credential"] = "managedidentity" };
        if (pairs.TryGetValue("ClientId", out var clientId) && clientId.Length > 0)
        {
            section["clientId"] = clientId;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(section).Build();
    }
}
