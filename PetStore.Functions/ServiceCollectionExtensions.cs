using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Functions.Storage;
using PetStore.Functions.Telemetry;

namespace PetStore.Functions;

/// <summary>
/// The composition root: the app's services, one method a feature. Program.cs, the tests and the benchmark all
/// start here; it is the only place besides Program.cs that knows <c>Storage/</c>.
/// </summary>
internal static class ServiceCollectionExtensions
{
    public static IServiceCollection AddPetStore(this IServiceCollection services) => services
        .AddSingleton(TimeProvider.System)
        .AddPetStorage()
        .AddPets()
        .AddReminders()
        .AddPurge();

    public static IServiceCollection AddPets(this IServiceCollection services) => services.AddPetStoreMetrics().AddSingleton<PetUpdater>();

    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddPetStoreMetrics();
        services.AddOptions<ReminderOptions>()
            .BindConfiguration(ReminderOptions.Section)
            .Validate(o => o.FeedingInterval > TimeSpan.Zero, "Reminders:FeedingInterval must be a positive TimeSpan such as 1.00:00:00.")
            .Validate(o => IsQueueName(o.QueueName, ReminderOptions.PoisonSuffix.Length),
                $"Reminders:QueueName must be a queue name of 3-{63 - ReminderOptions.PoisonSuffix.Length} lower-case letters, digits and single dashes, starting and ending with a letter or digit.")
            .ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddPurge(this IServiceCollection services)
    {
        services.AddPetStoreMetrics();
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.RetentionPeriod > TimeSpan.Zero, "Pets:RetentionPeriod must be a positive TimeSpan such as 30.00:00:00.")
            .ValidateOnStart();
        services.AddOptions<PurgeOptions>()
            .BindConfiguration(PurgeOptions.Section)
            .Validate(o => o.MaxConcurrency is >= 1 and <= 256, "Purge:MaxConcurrency must be between 1 and 256.")
            .ValidateOnStart();
        return services.AddSingleton<SoftDeletion>();
    }

    // Azure's queue naming rule, leaving room for the host's poison suffix:
    // https://learn.microsoft.com/rest/api/storageservices/naming-queues-and-metadata#queue-names
    private static bool IsQueueName(string? name, int reserved) =>
        name is { Length: >= 3 } && name.Length <= 63 - reserved
        && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.Contains("--", StringComparison.Ordinal);
}
