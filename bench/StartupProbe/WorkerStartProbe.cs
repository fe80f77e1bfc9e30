using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PetStore.Bench.StartupProbe;

/// <summary>
/// Records this process's own counters at each step of an isolated worker's start, without changing the worker:
/// <list type="bullet">
/// <item><c>main</c>: the runtime is up and the app's <c>Main</c> is about to run (the startup hook runs here).</item>
/// <item><c>configured</c>: <c>FunctionsApplication.CreateBuilder</c> and the app's configuration have run, and
/// <c>Build()</c> starts (the hosting DiagnosticListener's <c>HostBuilding</c> event).</item>
/// <item><c>built</c>: the service provider is built (<c>HostBuilt</c>).</item>
/// <item><c>ready</c>: <c>Run()</c> has validated the options (<c>ValidateOnStart</c>, the host's
/// <c>IStartupValidator</c>) and the worker opens its gRPC stream to the Functions host: Grpc.Net.Client starts the
/// <c>FunctionRpc/EventStream</c> call. After this the worker answers the host.</item>
/// <item><c>started</c>: every hosted service has started (<c>ApplicationStarted</c>): after the worker's stream,
/// Kestrel, which the ASP.NET Core integration listens on for the requests the host forwards.</item>
/// <item><c>first-call</c>: what the host's first requests make the worker do, done here in-process: the function
/// metadata (the generated provider) and one instance of every function class from a service scope, as the
/// worker's activator creates them, which resolves every singleton a first invocation needs.</item>
/// </list>
/// It then prints one line, <see cref="LinePrefix"/> and JSON, on stdout, and leaves the process to whoever started
/// it (the benchmark kills it): there is no host at the other end of the stream.
/// </summary>
internal sealed class WorkerStartProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public const string LinePrefix = "petstore-startup-probe ";

    // Grpc.Net.Client's name for the one call the worker makes: its bidirectional stream to the host.
    private const string EventStreamMethod = "/AzureFunctionsRpcMessages.FunctionRpc/EventStream";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<ProbeStage> _stages = [];
    private readonly Lock _gate = new();
    private IServiceProvider? _services;
    private bool _streamOpened;

    // Kept alive for the process's life: the runtime holds only weak references to some subscribers.
    private static WorkerStartProbe? s_probe;
    private static ActivityListener? s_grpcListener;

    public static void Attach()
    {
        var probe = new WorkerStartProbe();
        probe.Record("main");
        s_probe = probe;
        DiagnosticListener.AllListeners.Subscribe(probe);
        s_grpcListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Grpc.Net.Client",
            // Created but not recorded: enough for ActivityStarted to be called when the call starts.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStarted = probe.OnGrpcCallStarted,
        };
        ActivitySource.AddActivityListener(s_grpcListener);
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            value.Subscribe(this);
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Key)
        {
            case "HostBuilding":
                Record("configured");
                break;
            case "HostBuilt":
                Record("built");
                _services = (value.Value as IHost)?.Services;
                _services?.GetService<IHostApplicationLifetime>()?.ApplicationStarted.Register(OnStarted);
                break;
            default:
                break;
        }
    }

    private void OnGrpcCallStarted(Activity call)
    {
        if (call.GetTagItem("grpc.method") as string != EventStreamMethod)
        {
            return;
        }

        lock (_gate)
        {
            if (_streamOpened)
            {
                return;
            }

            _streamOpened = true;
        }

        Record("ready");
    }

    private void OnStarted()
    {
        Record("started");
        // A failure here escapes into the worker's start and ends the process with its stack trace on stderr,
        // which the benchmark reports.
        var (functions, classes) = PrepareFirstInvocation();
        Record("first-call");
        ProbeReport report;
        lock (_gate)
        {
            report = new ProbeReport([.. _stages], functions, classes);
        }

        Console.Out.WriteLine(LinePrefix + JsonSerializer.Serialize(report, Json));
        Console.Out.Flush();
    }

    private (int Functions, int Classes) PrepareFirstInvocation()
    {
        var services = _services ?? throw new InvalidOperationException("The host was never built (no HostBuilt event).");
        var metadata = services.GetRequiredService<IFunctionMetadataManager>()
            .GetFunctionMetadataAsync(AppContext.BaseDirectory).GetAwaiter().GetResult();
        var app = Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly.");

        // EntryPoint is "Namespace.Class.Method"; one class may hold several functions.
        var classes = metadata
            .Select(function => function.EntryPoint ?? throw new InvalidOperationException($"Function {function.Name} has no entry point."))
            .Select(entryPoint => entryPoint[..entryPoint.LastIndexOf('.')])
            .Distinct(StringComparer.Ordinal)
            .Select(name => app.GetType(name, throwOnError: true)!)
            .ToList();
        using var scope = services.CreateScope();
        foreach (var type in classes)
        {
            ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        }

        return (metadata.Length, classes.Count);
    }

    // The steps run on whichever thread the worker's start is on; the lock also publishes each one to the next.
    private void Record(string name)
    {
        var stage = new ProbeStage(
            name,
            Stopwatch.GetTimestamp(),
            Environment.CpuUsage.TotalTime.TotalMilliseconds,
            JitInfo.GetCompiledMethodCount(currentThread: false),
            GC.GetTotalAllocatedBytes(precise: false),
            Environment.WorkingSet);
        lock (_gate)
        {
            _stages.Add(stage);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}

/// <param name="Timestamp">
/// <see cref="Stopwatch.GetTimestamp"/>: a system-wide monotonic clock (CLOCK_MONOTONIC on Linux, QPC on Windows), so
/// the process that launched the worker can subtract its own reading taken before the launch.
/// </param>
/// <param name="CpuMs">This process's CPU time since it began (user and kernel, all threads), in milliseconds.</param>
/// <param name="JitCompilations">Methods the JIT compiled so far (all threads, every tier).</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap so far.</param>
/// <param name="WorkingSetBytes">The process's working set.</param>
internal sealed record ProbeStage(string Name, long Timestamp, double CpuMs, long JitCompilations, long AllocatedBytes, long WorkingSetBytes);

/// <param name="Functions">Functions in the worker's metadata.</param>
/// <param name="FunctionClasses">Distinct classes holding them, each activated once.</param>
internal sealed record ProbeReport(IReadOnlyList<ProbeStage> Stages, int Functions, int FunctionClasses);
