using System.Globalization;
using System.Text.Json.Nodes;
using PetStore.Testing;

namespace PetStore.Tests.Infra;

/// <summary>local.settings.sample.json lists every setting the app reads; the deployed app must get each one.</summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class AppSettingsTests(CompiledTemplate template)
{
    // Connections that are a storage connection string locally become identity-based settings in Azure:
    // the endpoint(s) the code needs, plus the managed identity to use.
    private static readonly Dictionary<string, string[]> IdentityConnections = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = ["accountName"],
        ["PetStorage"] = ["tableServiceUri", "queueServiceUri"],
    };

    public static TheoryData<string, string> SampleSettings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, value) in SampleValues())
        {
            data.Add(name, value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleSettings))]
    public void Template_SampleSetting_IsSetForProduction(string name, string localValue)
    {
        var settings = template.AppSettings;

        if (name == "FUNCTIONS_WORKER_RUNTIME")
        {
            // Documented exception: Flex Consumption rejects this setting; the runtime is declared in functionAppConfig.
            Assert.DoesNotContain(name, settings.Keys);
            Assert.Equal(localValue, (string?)template.FunctionApp["properties"]!["functionAppConfig"]!["runtime"]!["name"]);
        }
        else if (name == "OTEL_EXPORTER_OTLP_ENDPOINT")
        {
            // Documented exception: the address of a trace viewer beside `npm start`. In Azure the telemetry goes to
            // Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING), so the template leaves OTLP off.
            Assert.DoesNotContain(name, settings.Keys);
        }
        else if (IsStorageConnectionString(localValue))
        {
            Assert.True(IdentityConnections.TryGetValue(name, out var endpoints), $"{name} is a connection string locally; the template must map it to identity-based settings and this test must list them.");
            Assert.DoesNotContain(name, settings.Keys);
            Assert.Equal("managedidentity", settings[$"{name}__credential"]);
            Assert.False(string.IsNullOrWhiteSpace(settings[$"{name}__clientId"]));
            Assert.All(endpoints, endpoint => Assert.False(string.IsNullOrWhiteSpace(settings[$"{name}__{endpoint}"])));
        }
        else
        {
            Assert.True(settings.TryGetValue(name, out var production), $"The template does not set {name}.");
            AssertSameShape(name, localValue, production);
        }
    }

    [Fact]
    public void Template_IdentityConnections_AreTheSamplesConnectionStrings()
    {
        var connectionStrings = SampleValues().Where(s => IsStorageConnectionString(s.Value)).Select(s => s.Key);

        Assert.Equal(IdentityConnections.Keys.Order(StringComparer.Ordinal), connectionStrings.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Template_StorageTables_AreCreatedUnderTheConfiguredNames()
    {
        var tables = template.OfType("Microsoft.Storage/storageAccounts/tableServices/tables")
            .Select(t => (string)t["name"]!)
            .ToList();
        var settings = template.AppSettings;

        foreach (var setting in new[] { "Storage__PetsTable", "Storage__PurgeIndexTable" })
        {
            Assert.Contains(tables, t => t.EndsWith($"'default', variables('{VariableName(settings[setting])}'))]", StringComparison.Ordinal));
        }
    }

    private string VariableName(string resolvedValue) =>
        template.ResourceGroupTemplate["variables"]!.AsObject()
            .Single(v => (string?)v.Value == resolvedValue).Key;

    private static void AssertSameShape(string name, string localValue, string production)
    {
        Assert.False(string.IsNullOrWhiteSpace(production), $"{name} is empty in the template.");
        if (TimeSpan.TryParse(localValue, CultureInfo.InvariantCulture, out _))
        {
            Assert.True(TimeSpan.TryParse(production, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero, $"{name}='{production}' is not a positive TimeSpan.");
        }
        else if (int.TryParse(localValue, CultureInfo.InvariantCulture, out _))
        {
            Assert.True(int.TryParse(production, CultureInfo.InvariantCulture, out var number) && number > 0, $"{name}='{production}' is not a positive integer.");
        }
    }

    private static bool IsStorageConnectionString(string value) =>
        value.StartsWith("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("AccountName=", StringComparison.OrdinalIgnoreCase)
        || value.Contains("EndpointsProtocol=", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<KeyValuePair<string, string>> SampleValues()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.PathTo("local.settings.sample.json")))!;
        return sample["Values"]!.AsObject().Select(v => KeyValuePair.Create(v.Key, (string)v.Value!));
    }
}
