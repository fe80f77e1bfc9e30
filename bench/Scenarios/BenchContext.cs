namespace PetStore.Bench.Scenarios;

/// <summary>What every scenario gets: the emulator, the sizes, and somewhere to say what it is doing.</summary>
internal sealed class BenchContext(string connectionString, BenchOptions options, TextWriter log)
{
    /// <summary>
    /// Seeding is not measured; wider than this only queues requests up inside Azurite (which is single-threaded)
    /// until they pass the app's 10-second network timeout.
    /// </summary>
    public const int SeedConcurrency = 16;

    public string ConnectionString { get; } = connectionString;

    public BenchOptions Options { get; } = options;

    public TextWriter Log { get; } = log;

    public AppUnderTest NewApp(string prefix, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? addServices = null) =>
        AppUnderTest.Create(ConnectionString, prefix, Options.Concurrency, addServices);

    /// <summary>Unmeasured warm-up per path: enough to JIT and open connections, a tenth of the run at most.</summary>
    public static int WarmUpCount(int operations) => Math.Clamp(operations / 10, 10, 500);

    public void Say(string message) => Log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    public static Task SeedAsync(int count, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        Load.RunAsync(count, SeedConcurrency, operation, cancellationToken);
}

/// <summary>The app path did not do what the scenario relies on; the numbers would mean nothing.</summary>
internal sealed class BenchmarkFailedException(string message) : Exception(message);
