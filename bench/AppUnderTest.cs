using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Storage;
using PetStore.Testing;

namespace PetStore.Bench;

/// <summary>
/// The app as the host builds it: the real service registration (<c>AddPetStore()</c>) on a connection to the
/// benchmark's Azurite, with tables and a reminder queue of its own. Only what isolation needs is replaced: the
/// queue name (a setting), and the clock, which the purge scenarios move past the retention period.
/// </summary>
internal sealed class AppUnderTest : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    private AppUnderTest(string connectionString, string prefix, int purgeConcurrency, Action<IServiceCollection>? addServices)
    {
        PetsTable = AzuriteInstance.UniqueName(prefix + "pets");
        PurgeIndexTable = AzuriteInstance.UniqueName(prefix + "purge");
        QueueName = AzuriteInstance.UniqueName(prefix + "reminders");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PetStorage"] = connectionString,
            ["Storage:PetsTable"] = PetsTable,
            ["Storage:PurgeIndexTable"] = PurgeIndexTable,
            ["Reminders:QueueName"] = QueueName,
            ["Purge:MaxConcurrency"] = purgeConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        addServices?.Invoke(services);
        _services = services
            // Warnings and errors only: what the benchmark measures is the app's storage work, not a console.
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddSingleton<IConfiguration>(configuration)
            .AddPetStore()
            .AddSingleton<TimeProvider>(Time)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        // The floor's own clients, built the plain way from the connection string: raw SDK calls, no app code.
        var tables = new TableServiceClient(connectionString);
        FloorPets = tables.GetTableClient(PetsTable);
        FloorPurgeIndex = tables.GetTableClient(AzuriteInstance.UniqueName(prefix + "floorpurge"));
        FloorQueue = new QueueClient(connectionString, QueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public string PetsTable { get; }

    public string PurgeIndexTable { get; }

    public string QueueName { get; }

    public IPetStore Store => _services.GetRequiredService<IPetStore>();

    public IPurgeIndex PurgeIndex => _services.GetRequiredService<IPurgeIndex>();

    public TimeSpan RetentionPeriod => _services.GetRequiredService<IOptions<RetentionOptions>>().Value.RetentionPeriod;

    /// <summary>One of the app's singletons, as the worker resolves them.</summary>
    public T Service<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The app's pets table, reached with a raw SDK client.</summary>
    public TableClient FloorPets { get; }

    /// <summary>
    /// A purge index of the floor's own, keyed like the app's: the floor deletes its pets' entries too, but they
    /// must not be in the app's index, where the app's purge would find them.
    /// </summary>
    public TableClient FloorPurgeIndex { get; }

    /// <summary>The app's reminder queue, reached with a raw SDK client that base64-encodes as the app does.</summary>
    public QueueClient FloorQueue { get; }

    /// <summary>The app's service provider, as the worker's is: function instances and their scopes come from it.</summary>
    public IServiceProvider Services => _services;

    /// <param name="addServices">Registers services next to the app's, such as the worker's own invocation services.</param>
    public static AppUnderTest Create(string connectionString, string prefix, int purgeConcurrency, Action<IServiceCollection>? addServices = null) =>
        new(connectionString, prefix, purgeConcurrency, addServices);

    /// <summary>A fresh function instance per invocation, as the worker activates them.</summary>
    public T Function<T>()
        where T : class => ActivatorUtilities.CreateInstance<T>(_services);

    public HttpRequest Request(string method, string path, string query = "", string? jsonBody = null)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (jsonBody is not null)
        {
            var body = Encoding.UTF8.GetBytes(jsonBody);
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = "application/json";
        }

        // The result is written as the host would write it, so JSON serialisation is part of the app path.
        context.Response.Body = Stream.Null;
        return context.Request;
    }

    /// <summary>
    /// Drops the scenario's tables so later scenarios run on an emulator of about the same size. The queue stays:
    /// Azurite keeps every queue's messages in one collection, and deleting thousands at once stalls it for seconds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var clients = _services.GetRequiredService<StorageClients>();
        await clients.Tables.DeleteTableAsync(PetsTable);
        await clients.Tables.DeleteTableAsync(PurgeIndexTable);
        await FloorPurgeIndex.DeleteAsync();
        await _services.DisposeAsync();
    }
}
