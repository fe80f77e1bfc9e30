using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;

namespace PetStore.Functions.Storage;

/// <summary>Storage registers itself: the adapters behind the pet store, purge index and reminder queue ports.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The app's storage on the <see cref="StorageConnection.Name"/> connection, with the table names of
    /// <see cref="StorageOptions"/> and the queue names of <see cref="ReminderOptions"/>, validated at start-up.
    /// </summary>
    public static IServiceCollection AddPetStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(o => IsTableName(o.PetsTable) && IsTableName(o.PurgeIndexTable) && !string.Equals(o.PetsTable, o.PurgeIndexTable, StringComparison.OrdinalIgnoreCase),
                "Storage:PetsTable and Storage:PurgeIndexTable must be two different table names (3-63 letters or digits, starting with a letter).")
            .Validate<IConfiguration>((_, configuration) => StorageClients.IsConfigured(configuration.GetSection(StorageConnection.Name)),
                StorageClients.MissingConnectionMessage(StorageConnection.Name))
            .ValidateOnStart();

        services.AddAzureClientsCore();
        services.AddSingleton(sp => StorageClients.FromConfiguration(
            sp.GetRequiredService<IConfiguration>().GetSection(StorageConnection.Name),
            sp.GetRequiredService<AzureComponentFactory>()));
        services.AddSingleton<IPetStore>(sp => new TablePetStore(
            sp.GetRequiredService<StorageClients>().Tables.GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PetsTable),
            sp.GetRequiredService<ILogger<TablePetStore>>()));
        services.AddSingleton<IPurgeIndex>(sp => new TablePurgeIndex(
            sp.GetRequiredService<StorageClients>().Tables.GetTableClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PurgeIndexTable),
            sp.GetRequiredService<ILogger<TablePurgeIndex>>()));
        services.AddSingleton<IReminderQueue>(sp =>
        {
            var queues = sp.GetRequiredService<StorageClients>().Queues;
            var reminders = sp.GetRequiredService<IOptions<ReminderOptions>>().Value;
            return new StorageReminderQueue(
                queues.GetQueueClient(reminders.QueueName),
                queues.GetQueueClient(reminders.PoisonQueueName),
                sp.GetRequiredService<ILogger<StorageReminderQueue>>());
        });
        return services;
    }

    // Azure's table naming rule: https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model#table-names
    private static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit)
        && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
}
