using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
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
    public void SampleSettings_BindToValidOptionsWithTheDocumentedDefaults()
    {
        var values = ReadJson(Repository.PathTo("local.settings.sample.json")).GetProperty("Values");
        using var services = AppServices
            .With(values.EnumerateObject().Select(p => KeyValuePair.Create(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.GetString())))
            .BuildServiceProvider();

        Assert.Equal(TimeSpan.FromDays(30), services.GetRequiredService<IOptions<PetOptions>>().Value.RetentionPeriod);
        Assert.Equal(TimeSpan.FromDays(1), services.GetRequiredService<IOptions<ReminderOptions>>().Value.FeedingInterval);
        Assert.Equal(16, services.GetRequiredService<IOptions<PurgeOptions>>().Value.MaxConcurrency);
        Assert.Equal(("pets", "petpurgeindex"), (services.GetRequiredService<IOptions<StorageOptions>>().Value.PetsTable, services.GetRequiredService<IOptions<StorageOptions>>().Value.PurgeIndexTable));
        Assert.Equal("UseDevelopmentStorage=true", services.GetRequiredService<IConfiguration>()[StorageOptions.ConnectionName]);
    }

    [Theory]
    [InlineData("Pets:RetentionPeriod", "00:00:00")]
    [InlineData("Reminders:FeedingInterval", "-01:00:00")]
    [InlineData("Purge:MaxConcurrency", "0")]
    [InlineData("Storage:PetsTable", "no-dashes")]
    [InlineData("PetStorage", "")]
    public void Options_InvalidSetting_FailsWithAMessageNamingIt(string key, string value)
    {
        using var services = AppServices
            .With(new Dictionary<string, string?> { ["PetStorage"] = "UseDevelopmentStorage=true", [key] = value })
            .BuildServiceProvider();

        var validator = services.GetRequiredService<IStartupValidator>();
        var error = Assert.ThrowsAny<OptionsValidationException>(validator.Validate);
        Assert.Contains(key.Split(':')[0], error.Message, StringComparison.Ordinal);
    }
}
