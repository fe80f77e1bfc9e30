using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PetStore.Functions.Telemetry;

namespace PetStore.Tests.Telemetry;

/// <summary>
/// The exporters follow the standard settings: OTLP for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, Azure Monitor with the
/// app's managed identity for <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, nothing without either. Checked without
/// leaving the machine: OTLP goes to a collector stand-in on loopback, Azure Monitor is never called.
/// </summary>
[Collection(TelemetryGroup.Name)]
public sealed class ExporterSelectionTests
{
    private const string ConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:1/;LiveEndpoint=https://127.0.0.1:1/";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddPetStoreTelemetry(configuration)
            .BuildServiceProvider();
    }

    [Theory]
    [InlineData(null, null, "None")]
    [InlineData("", " ", "None")]
    [InlineData("http://localhost:4317", null, "Otlp")]
    [InlineData(null, ConnectionString, "AzureMonitor")]
    [InlineData("http://localhost:4317", ConnectionString, "Otlp, AzureMonitor")]
    public void ExportersFrom_TheStandardSettings(string? otlpEndpoint, string? connectionString, string expected)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString,
        }).Build();

        Assert.Equal(Enum.Parse<TelemetryExporters>(expected), TelemetrySettings.ExportersFrom(settings));
    }

    [Fact]
    public void NeitherSetting_RegistersNoOpenTelemetryAtAll()
    {
        using var services = Build([]);

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<LoggerProvider>());
    }

    [Fact]
    public async Task OtlpEndpoint_SendsTracesMetricsAndLogsToIt()
    {
        using var collector = new FakeCollector();
        using var services = Build(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var tracing = services.GetRequiredService<TracerProvider>();
        var metrics = services.GetRequiredService<MeterProvider>();
        var logging = services.GetRequiredService<LoggerProvider>();

        using (PetStoreTelemetry.Source.StartActivity("exported span"))
        {
            services.GetRequiredService<PetStoreMetrics>().PetCreated();
            services.GetRequiredService<ILogger<ExporterSelectionTests>>().Log(LogLevel.Information, default, "exported log line", null, (state, _) => state);
        }

        Assert.True(tracing.ForceFlush(10_000) & metrics.ForceFlush(10_000) & logging.ForceFlush(10_000));
        Assert.Equal(["/v1/logs", "/v1/metrics", "/v1/traces"], (await collector.PathsAsync(3)).Order());
        Assert.All(collector.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
    }

    [Fact]
    public void ApplicationInsights_AuthenticatesAsTheIdentityTheHostsSettingNames()
    {
        using var services = Build(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        });

        // Read the options only: building the providers would start the exporter, which would ask IMDS for a token.
        var options = services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, options.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(options.Credential);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555")]
    [InlineData("Authorization=Key")]
    public void ApplicationInsights_WithoutEntraAuthentication_StopsTheWorkerNamingTheSetting(string? authentication)
    {
        using var services = Build(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ConnectionString,
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = authentication,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", "abc")]
    [InlineData(" authorization = aad ; clientid = abc ", "abc")]
    [InlineData("Authorization=AAD", null)]
    public void CredentialSection_IsAManagedIdentityWithTheClientId(string authentication, string? clientId)
    {
        var section = TelemetrySettings.CredentialSection(authentication);

        Assert.NotNull(section);
        Assert.Equal("managedidentity", section["credential"]);
        Assert.Equal(clientId, section["clientId"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=abc")]
    [InlineData("ClientId=abc;Authorization=Key")]
    public void CredentialSection_WithoutAuthorizationAad_IsNone(string? authentication) =>
        Assert.Null(TelemetrySettings.CredentialSection(authentication));

    /// <summary>An OTLP/HTTP collector stand-in on a free loopback port: records what is posted and answers 200.</summary>
    private sealed class FakeCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<string> _paths = new();
        private readonly SemaphoreSlim _received = new(0);
        private readonly Task _serving;

        public FakeCollector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public ConcurrentQueue<string> ContentTypes { get; } = new();

        public async Task<IReadOnlyList<string>> PathsAsync(int count)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            for (var i = 0; i < count; i++)
            {
                await _received.WaitAsync(timeout.Token);
            }

            return [.. _paths.Distinct()];
        }

        public void Dispose()
        {
            _listener.Close();
            _received.Dispose();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                await context.Request.InputStream.CopyToAsync(Stream.Null);
                ContentTypes.Enqueue(context.Request.ContentType ?? "");
                context.Response.StatusCode = 200;
                context.Response.Close();
                if (_paths.All(p => p != context.Request.Url!.AbsolutePath))
                {
                    _paths.Enqueue(context.Request.Url!.AbsolutePath);
                    _received.Release();
                }
            }
        }
    }
}
