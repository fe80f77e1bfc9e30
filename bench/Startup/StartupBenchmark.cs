using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using PetStore.Bench.Scenarios;
using PetStore.Bench.StartupProbe;

namespace PetStore.Bench.Startup;

/// <summary>
/// What a worker does before it is ready, measured without the Functions host: launches the worker the way the host
/// does (<c>dotnet &lt;worker&gt;.dll --functions-uri ...</c>, framework-dependent, in its own folder) with the
/// start-up probe loaded as a .NET startup hook, and reads the probe's counters for each step of the worker's start
/// (see <c>StartupProbe/WorkerStartProbe.cs</c>). PetStore.Functions and a quickstart-style baseline worker are
/// launched alternately (ABBA), several times each, after one unmeasured launch of each; the report is the median
/// of each number, and the app's over the baseline's.
/// </summary>
internal static class StartupBenchmark
{
    public const string ProbeAssembly = "PetStore.Bench.StartupProbe.dll";

    private const string BenchClientId = "00000000-0000-0000-0000-000000000000";

    /// <summary>How long one launch may take to reach the end of the probe before it counts as failed.</summary>
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions ProbeJson = new(JsonSerializerDefaults.Web);

    /// <summary>The build output of PetStore.Functions, in the benchmark's own configuration.</summary>
    public static string DefaultAppWorker => Stamped("StartupAppWorker");

    /// <summary>The build output of the baseline worker (<c>bench/StartupBaseline</c>).</summary>
    public static string DefaultBaselineWorker => Stamped("StartupBaselineWorker");

    /// <exception cref="BenchmarkFailedException">A worker did not start, or ended before the probe reported.</exception>
    public static async Task<StartupReport> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var app = Worker("app", options.StartupApp ?? DefaultAppWorker);
        var baseline = Worker("baseline", options.StartupBaseline ?? DefaultBaselineWorker);
        var probe = Path.Combine(AppContext.BaseDirectory, ProbeAssembly);
        if (!File.Exists(probe))
        {
            throw new BenchmarkFailedException($"The start-up probe is not at {probe}; build the benchmark.");
        }

        // Where the host would listen. It accepts connections and never answers: the probe has reported by the time
        // the worker waits for the host, and the worker is killed then.
        var host = new TcpListener(IPAddress.Loopback, 0);
        host.Start();
        try
        {
            var hostUri = $"http://127.0.0.1:{((IPEndPoint)host.LocalEndpoint).Port}/";
            Say(log, $"startup: app {app.Path}");
            Say(log, $"startup: baseline {baseline.Path}");
            Say(log, $"startup: one unmeasured launch each, then {options.StartupRuns} each, alternating");
            await LaunchAsync(app, probe, hostUri, options.StartupSettings, cancellationToken);
            await LaunchAsync(baseline, probe, hostUri, options.StartupSettings, cancellationToken);

            var appRuns = new List<ProbeRun>();
            var baselineRuns = new List<ProbeRun>();
            for (var i = 0; i < options.StartupRuns; i++)
            {
                // ABBA: app first in even pairs, baseline first in odd ones, so drift lands on both.
                var order = i % 2 == 0 ? new[] { (app, appRuns), (baseline, baselineRuns) } : [(baseline, baselineRuns), (app, appRuns)];
                foreach (var (worker, runs) in order)
                {
                    runs.Add(await LaunchAsync(worker, probe, hostUri, options.StartupSettings, cancellationToken));
                }
            }

            Say(log, "startup: done");
            return new StartupReport(
                startedAt,
                Math.Round(clock.Elapsed.TotalSeconds, 1),
                Machine.Describe(),
                options.StartupRuns,
                Summarise(app, appRuns),
                Summarise(baseline, baselineRuns));
        }
        finally
        {
            host.Stop();
        }
    }

    private static WorkerUnderTest Worker(string name, string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full)
            ? new WorkerUnderTest(name, full, IsReadyToRun(full))
            : throw new BenchmarkFailedException($"The {name} worker is not at {full}; build it (or publish it there) first.");
    }

    /// <summary>
    /// The settings a worker gets in Azure (infra/), in their shape, pointing nowhere that answers: no client,
    /// credential or exporter makes a request before the first invocation, and the launch ends before the first
    /// telemetry export is due.
    /// </summary>
    private static IEnumerable<(string Name, string Value)> AzureSettings(string folder, string hostUri) =>
    [
        ("FUNCTIONS_WORKER_RUNTIME", "dotnet-isolated"),
        ("FUNCTIONS_APPLICATION_DIRECTORY", folder),
        // Azure's environment: Development would also validate the whole service graph on Build().
        ("AZURE_FUNCTIONS_ENVIRONMENT", "Production"),
        // Identity-based storage with a user-assigned managed identity, so the first call's client set-up includes
        // Azure.Identity's.
        ("PetStorage__tableServiceUri", "https://petstorebench.table.core.windows.net/"),
        ("PetStorage__queueServiceUri", "https://petstorebench.queue.core.windows.net/"),
        ("PetStorage__credential", "managedidentity"),
        ("PetStorage__clientId", BenchClientId),
        // Application Insights with Entra ID authentication, so the OpenTelemetry SDK and its exporter start as they
        // do in Azure; the ingestion endpoint is the silent host socket.
        ("APPLICATIONINSIGHTS_CONNECTION_STRING", $"InstrumentationKey={BenchClientId};IngestionEndpoint={hostUri}"),
        ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", $"ClientId={BenchClientId};Authorization=AAD"),
    ];

    private static (string Name, string Value) Split(string setting)
    {
        var at = setting.IndexOf('=', StringComparison.Ordinal);
        return (setting[..at], setting[(at + 1)..]);
    }

    private static async Task<ProbeRun> LaunchAsync(WorkerUnderTest worker, string probe, string hostUri, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(worker.Path)!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The arguments the Functions host passes to an isolated worker.
        foreach (var argument in new[]
        {
            worker.Path,
            "--functions-uri", hostUri,
            "--functions-worker-id", Guid.NewGuid().ToString(),
            "--functions-request-id", Guid.NewGuid().ToString(),
            "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var environment = start.Environment;
        environment["DOTNET_STARTUP_HOOKS"] = probe;
        environment.Remove("DOTNET_ENVIRONMENT");
        environment.Remove("ASPNETCORE_ENVIRONMENT");
        environment.Remove("PetStorage");
        foreach (var (name, value) in AzureSettings(folder, hostUri).Concat(settings.Select(Split)))
        {
            if (value.Length == 0)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }

        var stderr = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(LaunchTimeout);
        var launchedAt = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginErrorReadLine();
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(WorkerStartProbe.LinePrefix, StringComparison.Ordinal))
                {
                    var report = JsonSerializer.Deserialize<ProbeReport>(line[WorkerStartProbe.LinePrefix.Length..], ProbeJson)
                        ?? throw new BenchmarkFailedException($"The {worker.Name} worker's probe printed an empty report.");
                    return ToRun(report, launchedAt);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchmarkFailedException($"The {worker.Name} worker did not reach its gRPC stream within {LaunchTimeout.TotalSeconds} s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        string errors;
        lock (stderr)
        {
            errors = stderr.ToString();
        }

        throw new BenchmarkFailedException(
            $"The {worker.Name} worker ended (exit code {process.ExitCode}) before it opened its gRPC stream:{Environment.NewLine}{errors}");
    }

    private static ProbeRun ToRun(ProbeReport report, long launchedAt) => new(
        [.. report.Stages.Select(stage => new StartupStage(
            stage.Name,
            Math.Round(Stopwatch.GetElapsedTime(launchedAt, stage.Timestamp).TotalMilliseconds, 1),
            Math.Round(stage.CpuMs, 1),
            stage.JitCompilations,
            Math.Round(stage.AllocatedBytes / 1024.0, 0),
            Math.Round(stage.WorkingSetBytes / 1024.0 / 1024.0, 1)))],
        report.Functions,
        report.FunctionClasses);

    private static StartupWorker Summarise(WorkerUnderTest worker, List<ProbeRun> runs)
    {
        var names = runs[0].Stages.Select(s => s.Name).ToList();
        if (runs.Any(run => !run.Stages.Select(s => s.Name).SequenceEqual(names)))
        {
            throw new BenchmarkFailedException($"The {worker.Name} worker's runs reported different stages.");
        }

        var median = names.Select((name, i) => new StartupStage(
            name,
            Median(runs.Select(r => r.Stages[i].Ms)),
            Median(runs.Select(r => r.Stages[i].CpuMs)),
            (long)Math.Round(Median(runs.Select(r => (double)r.Stages[i].JitCompilations))),
            Median(runs.Select(r => r.Stages[i].AllocatedKb)),
            Median(runs.Select(r => r.Stages[i].WorkingSetMb)))).ToList();
        return new StartupWorker(worker.Name, worker.Path, worker.ReadyToRun, runs[0].Functions, runs[0].FunctionClasses, median, runs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : Math.Round((sorted[middle - 1] + sorted[middle]) / 2, 1);
    }

    /// <summary>Whether crossgen2 compiled the assembly ahead of time (ReadyToRun code in its managed native header).</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static string Stamped(string key) =>
        typeof(StartupBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"PetStore.Bench.csproj must stamp AssemblyMetadata '{key}'.");

    private static void Say(TextWriter log, string message) => log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private sealed record WorkerUnderTest(string Name, string Path, bool ReadyToRun);
}
