using System.Globalization;

namespace PetStore.Bench;

/// <summary>How big each scenario is and how hard it is driven. <see cref="Full"/> is the sizes.</summary>
internal sealed record BenchOptions
{
    /// <summary>Operations in flight at once, for the app and the floor alike (and the purge's own concurrency).</summary>
    public int Concurrency { get; init; } = 16;

    public int Creates { get; init; } = 5_000;

    public int Reminders { get; init; } = 5_000;

    /// <summary>Single-pet reads per path; the app's i-th read and the floor's are of the same pet.</summary>
    public int Gets { get; init; } = 5_000;

    /// <summary>Due pets in each purge-speed run.</summary>
    public int PurgeDue { get; init; } = 5_000;

    /// <summary>Due pets in each purge-flat run, purged once among the small and once among the large live set.</summary>
    public int PurgeFlatDue { get; init; } = 1_000;

    public int PurgeLiveSmall { get; init; } = 1_000;

    public int PurgeLiveLarge { get; init; } = 20_000;

    /// <summary>Pets the list scenario pages through.</summary>
    public int ListSize { get; init; } = 5_000;

    /// <summary>
    /// How many alternating app/floor rounds each comparison is split into (ABBA order), so drift on a shared
    /// machine lands on both paths evenly.
    /// </summary>
    public int Rounds { get; init; } = 4;

    public bool QuickMode { get; init; }

    /// <summary>The scenarios to run, by name; empty for all of them.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Where the JSON report goes; null for a time-stamped file under <c>bench/results/</c>.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Measure the workers' start-up instead of the scenarios (no Azurite): <c>Startup/StartupBenchmark.cs</c>.</summary>
    public bool Startup { get; init; }

    /// <summary>Measured launches of each worker in the start-up measurement.</summary>
    public int StartupRuns { get; init; } = 20;

    /// <summary>The app worker's assembly to launch; null for PetStore.Functions' build output.</summary>
    public string? StartupApp { get; init; }

    /// <summary>The baseline worker's assembly to launch; null for <c>bench/StartupBaseline</c>'s build output.</summary>
    public string? StartupBaseline { get; init; }

    /// <summary>
    /// App settings (<c>NAME=VALUE</c>) given to both workers over the Azure-shaped defaults of the start-up
    /// measurement; an empty value removes the setting.
    /// </summary>
    public IReadOnlyList<string> StartupSettings { get; init; } = [];

    public static BenchOptions Full { get; } = new();

    /// <summary>Every scenario, small enough to finish in well under a minute: proves the benchmark works, measures little.</summary>
    public static BenchOptions Quick { get; } = new()
    {
        QuickMode = true,
        Creates = 200,
        Reminders = 200,
        Gets = 200,
        PurgeDue = 200,
        PurgeFlatDue = 100,
        PurgeLiveSmall = 100,
        PurgeLiveLarge = 1_000,
        ListSize = 500,
        Rounds = 2,
        StartupRuns = 3,
    };

    public const string Usage = """
        Usage: dotnet run -c Release --project bench -- [options]
          --quick                 every scenario at small sizes (under a minute)
          --concurrency N         operations in flight at once (default 16)
          --creates N             create operations (default 5000)
          --reminders N           reminder messages processed (default 5000)
          --gets N                single-pet reads, get and get-executor (default 5000)
          --purge-due N           due pets per purge-speed run (default 5000)
          --purge-flat-due N      due pets per purge-flat run (default 1000)
          --purge-live-small N    live pets beside them, small case (default 1000)
          --purge-live-large N    live pets beside them, large case (default 20000)
          --list-size N           pets the list scenario pages through (default 5000)
          --rounds N              alternating app/floor rounds per comparison (default 4)
          --only A,B              run only these scenarios (create, reminder, get, get-executor, purge-flat,
                                  purge-speed, list, create-otel, remind-otel)
          --json PATH             where to write the JSON report (default bench/results/<time>.json)
          --startup               measure the workers' start-up instead (no Azurite): PetStore.Functions against a
                                  quickstart-style baseline worker, each launched as the Functions host launches it
          --startup-runs N        measured launches of each worker (default 20)
          --startup-app PATH      the app worker's .dll (default: PetStore.Functions' build output)
          --startup-baseline PATH the baseline worker's .dll (default: bench/StartupBaseline's build output)
          --startup-setting N=V   an app setting for both workers over the Azure-shaped defaults; N= removes one
        Size flags given after --quick override its sizes.
        """;

    /// <exception cref="ArgumentException">An unknown flag or a value that is not a positive whole number.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Full;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            options = flag switch
            {
                "--quick" => Quick with
                {
                    Concurrency = options.Concurrency,
                    JsonPath = options.JsonPath,
                    Startup = options.Startup,
                    StartupApp = options.StartupApp,
                    StartupBaseline = options.StartupBaseline,
                    StartupSettings = options.StartupSettings,
                },
                "--concurrency" => options with { Concurrency = Count(args, ref i) },
                "--creates" => options with { Creates = Count(args, ref i) },
                "--reminders" => options with { Reminders = Count(args, ref i) },
                "--gets" => options with { Gets = Count(args, ref i) },
                "--purge-due" => options with { PurgeDue = Count(args, ref i) },
                "--purge-flat-due" => options with { PurgeFlatDue = Count(args, ref i) },
                "--purge-live-small" => options with { PurgeLiveSmall = Count(args, ref i) },
                "--purge-live-large" => options with { PurgeLiveLarge = Count(args, ref i) },
                "--list-size" => options with { ListSize = Count(args, ref i) },
                "--rounds" => options with { Rounds = Count(args, ref i) },
                "--json" => options with { JsonPath = Value(args, ref i) },
                "--startup" => options with { Startup = true },
                "--startup-runs" => options with { StartupRuns = Count(args, ref i) },
                "--startup-app" => options with { StartupApp = Value(args, ref i) },
                "--startup-baseline" => options with { StartupBaseline = Value(args, ref i) },
                "--startup-setting" => options with { StartupSettings = [.. options.StartupSettings, Setting(args, ref i)] },
                "--only" => options with { Only = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                _ => throw new ArgumentException($"Unknown option '{flag}'.", nameof(args)),
            };
        }

        // The purge runs the app's own MaxConcurrency setting, which allows 1-256.
        return options.Concurrency > 256 ? throw new ArgumentException("--concurrency must be at most 256.", nameof(args)) : options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        var flag = args[i];
        return ++i < args.Count ? args[i] : throw new ArgumentException($"{flag} needs a value.", nameof(args));
    }

    private static string Setting(IReadOnlyList<string> args, ref int i)
    {
        var flag = args[i];
        var text = Value(args, ref i);
        return text.IndexOf('=', StringComparison.Ordinal) > 0
            ? text
            : throw new ArgumentException($"{flag} needs NAME=VALUE, not '{text}'.", nameof(args));
    }

    private static int Count(IReadOnlyList<string> args, ref int i)
    {
        var flag = args[i];
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{flag} needs a positive whole number, not '{text}'.", nameof(args));
    }
}
