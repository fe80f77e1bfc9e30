using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Functions.Storage;

namespace PetStore.Functions;

/// <summary>The app's services, one method a feature; Program.cs, the tests and the benchmark all start here.</summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddPetStore(this IServiceCollection services) => services
        .AddSingleton(TimeProvider.System)
        .AddPetStorage()
        .AddPets()
        .AddReminders()
        .AddPurge();

    public static IServiceCollection AddPets(this IServiceCollection services)
    {
        services.AddOptions<PetOptions>()
            .BindConfiguration(PetOptions.Section)
            .Validate(o => o.RetentionPeriod > TimeSpan.Zero, "Pets:RetentionPeriod must be a positive TimeSpan such as 30.00:00:00.")
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.FeedingInterval > TimeSpan.Zero, "Reminders:FeedingInterval must be a positive TimeSpan such as 1.00:00:00.")
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddPurge(this IServiceCollection services)
    {
        services.AddOptions<PurgeOptions>()
            .BindConfiguration(PurgeOptions.Section)
            .Validate(o => o.MaxConcurrency is >= 1 and <= 256, "Purge:MaxConcurrency must be between 1 and 256.")
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddPetStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Validate(o => IsTableName(o.PetsTable) && IsTableName(o.PurgeIndexTable) && !string.Equals(o.PetsTable, o.PurgeIndexTable, StringComparison.OrdinalIgnoreCase),
                "Storage:PetsTable and Storage:PurgeIndexTable must be two different table names (3-63 letters or digits, starting with a letter).")
            .Validate<IConfiguration>((_, configuration) => StorageClients.IsConfigured(configuration, StorageOptions.ConnectionName),
                StorageClients.MissingConnectionMessage(StorageOptions.ConnectionName))
            .ValidateOnStart();

        services.AddSingleton(sp => StorageClients.FromConfiguration(sp.GetRequiredService<IConfiguration>(), StorageOptions.ConnectionName));
        services.AddSingleton<IPetStore>(sp =>
        {
            var tables = sp.GetRequiredService<StorageClients>().Tables;
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new TablePetStore(
                tables.GetTableClient(options.PetsTable),
                tables.GetTableClient(options.PurgeIndexTable),
                sp.GetRequiredService<ILogger<TablePetStore>>());
        });
        services.AddSingleton<IReminderQueue>(sp =>
        {
            var queues = sp.GetRequiredService<StorageClients>().Queues;
            return new StorageReminderQueue(
                queues.GetQueueClient(ReminderMessage.QueueName),
                queues.GetQueueClient(ReminderMessage.PoisonQueueName),
                sp.GetRequiredService<ILogger<StorageReminderQueue>>());
        });
        return services;
    }

    private static bool IsTableName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit)
        && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
}
