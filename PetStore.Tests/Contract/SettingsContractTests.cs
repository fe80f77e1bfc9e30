using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetStore.Functions;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Functions.Storage;
using PetStore.Testing;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Contract;

public class SettingsContractTests
{
    private static JsonElement ReadJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>The app's services on local storage with one setting changed, as the worker would build them.</summary>
    private static ServiceProvider WithSetting(string key, string value) => AppServices
        .With(new Dictionary<string, string?> { ["PetStorage"] = "UseDevelopmentStorage=true", [key] = value })
        .BuildServiceProvider();

    [Fact]
    public void HostJson_SetsTheQueueBehaviourExplicitly()
    {
        var queues = ReadJson(Path.Combine(AppContext.BaseDirectory, "host.json")).GetProperty("extensions").GetProperty("queues");

        Assert.True(TimeSpan.Parse(queues.GetProperty("maxPollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(2));
        Assert.InRange(queues.GetProperty("maxDequeueCount").GetInt32(), 2, 10);
        Assert.True(queues.TryGetProperty("visibilityTimeout", out _));
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void HostJson_EmitsOpenTelemetryWithoutApplicationInsightsSdkSettings()
    {
        var host = ReadJson(Path.Combine(AppContext.BaseDirectory, "host.json"));

        Assert.Equal("OpenTelemetry", host.GetProperty("telemetryMode").GetString());

        // The Application Insights SDK's settings (sampling, live metrics filters) do not apply in this mode.
        Assert.False(host.TryGetProperty("logging", out var logging) && logging.TryGetProperty("applicationInsights", out _));
    }

    [Fact]
    public void WorkerRuntimeConfig_TurnsOnTheAzureSdkActivitySources()
    {
        // The worker's own runtimeconfig.json, as the host starts it; the Azure SDK reads the switch once, at its first client.
        var config = ReadJson(Path.Combine(AppContext.BaseDirectory, "PetStore.Functions.runtimeconfig.json"))
            .GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(config.GetProperty("Azure.Experimental.EnableActivitySource").GetBoolean());
    }

    [Fact]
    public void SampleSettings_BindToValidOptionsWithTheDocumentedDefaults()
    {
        var values = ReadJson(Repository.PathTo("local.settings.sample.json")).GetProperty("Values");
        using var services = AppServices
            .With(values.EnumerateObject().Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString())))
            .BuildServiceProvider();

        Assert.Equal(TimeSpan.FromDays(30), services.GetRequiredService<IOptions<RetentionOptions>>().Value.RetentionPeriod);
        Assert.Equal(TimeSpan.FromDays(1), services.GetRequiredService<IOptions<ReminderOptions>>().Value.FeedingInterval);
        Assert.Equal("pet-reminders", services.GetRequiredService<IOptions<ReminderOptions>>().Value.QueueName);
        Assert.Equal(16, services.GetRequiredService<IOptions<PurgeOptions>>().Value.MaxConcurrency);
        Assert.Equal(("pets", "petpurgeindex"), (services.GetRequiredService<IOptions<StorageOptions>>().Value.PetsTable, services.GetRequiredService<IOptions<StorageOptions>>().Value.PurgeIndexTable));
        Assert.Equal("UseDevelopmentStorage=true", services.GetRequiredService<IConfiguration>()[StorageConnection.Name]);
    }

    [Theory]
    [InlineData("Pets:RetentionPeriod", "00:00:00")]
    [InlineData("Reminders:FeedingInterval", "-01:00:00")]
    [InlineData("Purge:MaxConcurrency", "0")]
    [InlineData("Reminders:QueueName", "Upper-Case")]
    [InlineData("Reminders:QueueName", "double--dash")]
    [InlineData("Reminders:QueueName", "a-queue-name-so-long-that-its-poison-queue-would-not-fit-in-63")]
    [InlineData("Storage:PetsTable", "no-dashes")]
    [InlineData("PetStorage", "")]
    public void Options_InvalidSetting_FailsWithAMessageNamingIt(string key, string value)
    {
        using var services = WithSetting(key, value);

        var validator = services.GetRequiredService<IStartupValidator>();
        var error = Assert.ThrowsAny<OptionsValidationException>(validator.Validate);
        Assert.Contains(key.Split(':')[0], error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every TimeSpan and number setting has an upper bound, checked at start-up, so a value that passes type
    /// conversion cannot break requests later (a retention of 3,000,000 days overflowed every DELETE).
    /// </summary>
    [Theory]
    [InlineData("Pets:RetentionPeriod", "3000000.00:00:00", "3650.00:00:00")]
    [InlineData("Pets:RetentionPeriod", "3651.00:00:00", "3650.00:00:00")]
    [InlineData("Pets:RetentionPeriod", "-00:00:01", "00:00:01")]
    [InlineData("Pets:RetentionPeriod", "00:00:00", "00:00:01")]
    [InlineData("Reminders:FeedingInterval", "3000000.00:00:00", "365.00:00:00")]
    [InlineData("Reminders:FeedingInterval", "366.00:00:00", "365.00:00:00")]
    [InlineData("Reminders:FeedingInterval", "00:00:00", "00:00:01")]
    [InlineData("Purge:MaxConcurrency", "257", "256")]
    [InlineData("Purge:MaxConcurrency", "2147483647", "256")]
    [InlineData("Purge:MaxConcurrency", "-1", "1")]
    public void Options_OutOfRange_StopsStartUpNamingTheSettingAndTheRange(string key, string value, string bound)
    {
        using var services = WithSetting(key, value);

        var error = Assert.ThrowsAny<OptionsValidationException>(services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), error.Message, StringComparison.Ordinal);
        Assert.Contains(bound, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pets:RetentionPeriod", "3650.00:00:00")]
    [InlineData("Pets:RetentionPeriod", "00:00:01")]
    [InlineData("Reminders:FeedingInterval", "365.00:00:00")]
    [InlineData("Purge:MaxConcurrency", "256")]
    [InlineData("Purge:MaxConcurrency", "1")]
    public void Options_AtTheBounds_AreValid(string key, string value)
    {
        using var services = WithSetting(key, value);

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("Pets:RetentionPeriod", "thirty days")]
    [InlineData("Reminders:FeedingInterval", "1e9")]
    [InlineData("Purge:MaxConcurrency", "99999999999")]
    [InlineData("Purge:MaxConcurrency", "sixteen")]
    public void Options_NotEvenOfTheRightType_StopsStartUpNamingTheSetting(string key, string value)
    {
        using var services = WithSetting(key, value);

        var error = Assert.ThrowsAny<Exception>(services.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
