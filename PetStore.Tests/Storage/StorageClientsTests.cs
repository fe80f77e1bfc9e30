using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions.Storage;

namespace PetStore.Tests.Storage;

public class StorageClientsTests
{
    private static readonly AzureComponentFactory Components = CreateComponents();

    private static AzureComponentFactory CreateComponents()
    {
        var services = new ServiceCollection();
        services.AddAzureClientsCore();
        return services.BuildServiceProvider().GetRequiredService<AzureComponentFactory>();
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build().GetSection("PetStorage");

    private static (string, string)[] IdentityBased(params (string, string)[] more) =>
    [
        ("PetStorage:tableServiceUri", "https://stpets.table.core.windows.net/"),
        ("PetStorage:queueServiceUri", "https://stpets.queue.core.windows.net/"),
        .. more,
    ];

    [Fact]
    public void FromConfiguration_IdentityBasedSettings_UsesTheServiceUrisWithoutAnyKey()
    {
        var clients = StorageClients.FromConfiguration(
            Section(IdentityBased(("PetStorage:credential", "managedidentity"), ("PetStorage:clientId", "00000000-0000-0000-0000-000000000001"))),
            Components);

        Assert.Equal(new Uri("https://stpets.table.core.windows.net/"), clients.Tables.Uri);
        Assert.Equal(new Uri("https://stpets.queue.core.windows.net/"), clients.Queues.Uri);
        Assert.Equal("stpets", clients.Tables.AccountName);
        Assert.False(clients.Queues.CanGenerateAccountSasUri);
    }

    [Theory]
    [InlineData("managedidentity", "00000000-0000-0000-0000-000000000001")]
    [InlineData("managedidentity", null)]
    [InlineData("ManagedIdentity", null)]
    public void FromConfiguration_ManagedIdentityCredential_IsTheOneTheSettingsName(string credential, string? clientId)
    {
        (string, string)[] settings = clientId is null
            ? [("PetStorage:credential", credential)]
            : [("PetStorage:credential", credential), ("PetStorage:clientId", clientId)];

        var clients = StorageClients.FromConfiguration(Section(IdentityBased(settings)), Components);

        Assert.IsType<ManagedIdentityCredential>(clients.Credential);
    }

    [Fact]
    public void FromConfiguration_NoCredentialSetting_FallsBackToTheDefaultChainAsTheHostDoes()
    {
        var clients = StorageClients.FromConfiguration(Section(IdentityBased()), Components);

        Assert.IsType<DefaultAzureCredential>(clients.Credential);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_UsesIt()
    {
        var clients = StorageClients.FromConfiguration(Section(("PetStorage", "UseDevelopmentStorage=true")), Components);

        Assert.Equal("devstoreaccount1", clients.Tables.AccountName);
        Assert.True(clients.Queues.CanGenerateAccountSasUri);
        Assert.Null(clients.Credential);
    }

    [Theory]
    [InlineData]
    [InlineData("PetStorage:tableServiceUri", "https://stpets.table.core.windows.net/")]
    [InlineData("PetStorage:queueServiceUri", "not a uri")]
    public void FromConfiguration_NothingUsable_SaysWhichSettingsToSet(params string[] pair)
    {
        var section = pair.Length == 0 ? Section() : Section((pair[0], pair[1]));

        Assert.False(StorageClients.IsConfigured(section));
        var error = Assert.Throws<InvalidOperationException>(() => StorageClients.FromConfiguration(section, Components));
        Assert.Contains("PetStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }
}
