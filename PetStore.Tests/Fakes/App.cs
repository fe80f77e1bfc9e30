using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;

namespace PetStore.Tests.Fakes;

/// <summary>
/// The app's feature registrations on fakes of its ports, a fake clock and recorded logs (scopes included), for
/// unit tests. Every function and service comes from <see cref="Function{T}"/>/<see cref="Service{T}"/>, activated
/// from the services the way the worker activates function classes; options can be changed until first use.
/// </summary>
internal sealed class App
{
    private readonly Lazy<ServiceProvider> _services;

    public App()
    {
        _services = new(() => new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddFakeLogging()
            .AddPets()
            .AddReminders()
            .AddPurge()
            .AddSingleton<IPetStore>(Store)
            .AddSingleton<IPurgeIndex>(PurgeIndex)
            .AddSingleton<IReminderQueue>(Queue)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton(Options.Create(Retention))
            .AddSingleton(Options.Create(Reminders))
            .AddSingleton(Options.Create(Purge))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }));
    }

    public FakeTimeProvider Time { get; } = new(TestPets.Start);

    public InMemoryPetStore Store { get; } = new();

    public InMemoryPurgeIndex PurgeIndex { get; } = new();

    public RecordingReminderQueue Queue { get; } = new();

    public RetentionOptions Retention { get; } = new();

    public ReminderOptions Reminders { get; } = new();

    public PurgeOptions Purge { get; } = new() { MaxConcurrency = 4 };

    /// <summary>Every log record of every category, with the scopes that were open when it was written.</summary>
    public FakeLogCollector Logs => Service<FakeLogCollector>();

    /// <summary>A new function instance, as the worker creates one per invocation.</summary>
    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services.Value);

    public T Service<T>()
        where T : notnull => _services.Value.GetRequiredService<T>();
}
