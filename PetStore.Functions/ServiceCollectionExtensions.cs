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
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IServiceCollection AddPurge(this IServiceCollection services)
    {
        services.AddPetStoreMetrics();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PurgeOptions>().BindConfiguration(PurgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services.AddSingleton<SoftDeletion>();
    }
}
