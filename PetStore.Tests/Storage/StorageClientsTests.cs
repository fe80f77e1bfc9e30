using Microsoft.Extensions.Configuration;
using PetStore.Functions.Storage;

namespace PetStore.Tests.Storage;

public class StorageClientsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void FromConfiguration_IdentityBasedSettings_UsesTheServiceUrisWithoutAnyKey()
    {
        var configuration = Configuration(
            ("PetStorage:tableServiceUri", "https://stpets.table.core.windows.net/"),
            ("PetStorage:queueServiceUri", "https://stpets.queue.core.windows.net/"),
            ("PetStorage:credential", "managedidentity"),
            ("PetStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var clients = StorageClients.FromConfiguration(configuration, "PetStorage");

        Assert.Equal(new Uri("https://stpets.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stpets.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("stpets", clients.Tables.AccountName);
        Assert.False(clients.Queues.CanGenerateAccountSasUri);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_UsesIt()
    {
        var clients = StorageClients.FromConfiguration(Configuration(("PetStorage", "UseDevelopmentStorage=true")), "PetStorage");

        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.True(clients.Queues.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData]
    [InlineData("PetStorage:tableServiceUri", "https://stpets.table.core.windows.net/")]
    [InlineData("PetStorage:queueServiceUri", "not a uri")]
    public void FromConfiguration_NothingUsable_SaysWhichSettingsToSet(params string[] pair)
    {
        var configuration = pair.Length == 0 ? Configuration() : Configuration((pair[0], pair[1]));

        Assert.False(StorageClients.IsConfigured(configuration, "PetStorage"));
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(configuration, "PetStorage"));
        Assert.Contains("PetStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }
}
