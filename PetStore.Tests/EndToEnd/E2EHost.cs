using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PetStore.Testing;

namespace PetStore.Tests.EndToEnd;

/// <summary>
/// The PetStore app under test: the deployed app named by <see cref="E2ETarget.BaseUrlVariable"/>, or one started
/// here with <c>func start</c> against a private Azurite. Does nothing when the tests are skipped.
/// </summary>
public sealed class E2EHost : IAsyncLifetime
{
    public const string FunctionKeyHeader = "x-functions-key";

    /// <summary>Short, so that the purge can be exercised within a test.</summary>
    public static readonly TimeSpan LocalRetentionPeriod = TimeSpan.FromSeconds(3);

    /// <summary>The app's default (see local.settings.sample.json), so the reminder time can be checked locally.</summary>
    public static readonly TimeSpan LocalFeedingInterval = TimeSpan.FromDays(1);

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly E2ETarget _target = E2ETarget.Current;
    private readonly ProcessOutput _funcOutput = new();
    private AzuriteInstance? _azurite;
    private Process? _func;
    private HttpClient? _client;

    /// <summary>Sends requests relative to the app's root (<c>api/pets</c>) with the function key, if any.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The app under test was not started: " + (_target.SkipReason ?? _target.Problem));

    public bool IsLocal => _target.Kind == E2ETargetKind.Local;

    /// <summary>The feeding interval the app runs with, when this fixture set it.</summary>
    public TimeSpan? FeedingInterval => IsLocal ? LocalFeedingInterval : null;

    public async Task InitializeAsync()
    {
        switch (_target.Kind)
        {
            case E2ETargetKind.Deployed:
                _client = CreateClient(_target.BaseUrl!, _target.FunctionKey);
                break;
            case E2ETargetKind.Local:
                try
                {
                    await StartLocalAsync(_target.FuncPath!);
                }
                catch
                {
                    // xunit does not dispose a fixture whose start failed; func and Azurite must not outlive the run.
                    await DisposeAsync();
                    throw;
                }

                break;
            case E2ETargetKind.Misconfigured:
                throw new InvalidOperationException(_target.Problem);
            default:
                break;
        }
    }

    /// <summary>
    /// Runs the purge timer now through the host's admin API (<c>POST /admin/functions/{name}</c>), with the
    /// master key when the app is deployed; locally the Core Tools host serves the admin API without a key.
    /// </summary>
    public async Task TriggerPurgeAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/functions/PurgeDeletedPets")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (_target.MasterKey is { } masterKey)
        {
            request.Headers.Add(FunctionKeyHeader, masterKey);
        }

        using var response = await Client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"Triggering PurgeDeletedPets answered {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>Stops what this fixture started; safe to call twice (after a failed start, and again by xunit).</summary>
    public async Task DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        if (_func is { } func)
        {
            _func = null;
            await StopAsync(func);
            func.Dispose();
        }

        if (_azurite is { } azurite)
        {
            _azurite = null;
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A client for the same app that sends no function key; the caller disposes it.</summary>
    public HttpClient CreateClientWithoutKey() => CreateClient(Client.BaseAddress!, functionKey: null);

    private static HttpClient CreateClient(Uri baseUrl, string? functionKey) =>
        new(new FunctionKeyHandler(functionKey) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// How the suite runs <c>func start</c>: on <paramref name="port"/> in <paramref name="appFolder"/>, against the
    /// storage in <paramref name="storageConnectionString"/>, in UTC.
    /// </summary>
    internal static ProcessStartInfo FuncStartInfo(string funcPath, string appFolder, int port, string storageConnectionString)
    {
        var startInfo = new ProcessStartInfo(funcPath)
        {
            WorkingDirectory = appFolder,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("start");
        startInfo.ArgumentList.Add("--port");
        startInfo.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));

        // Environment variables override local.settings.json, so a developer's own settings file cannot point the
        // suite at their storage account.
        startInfo.Environment["AzureWebJobsStorage"] = storageConnectionString;
        startInfo.Environment["PetStorage"] = storageConnectionString;
        startInfo.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        startInfo.Environment["Pets__RetentionPeriod"] = LocalRetentionPeriod.ToString("c", CultureInfo.InvariantCulture);
        startInfo.Environment["Reminders__FeedingInterval"] = LocalFeedingInterval.ToString("c", CultureInfo.InvariantCulture);

        // The queue trigger's name is a binding expression; the host will not index the function without it.
        startInfo.Environment["Reminders__QueueName"] = "pet-reminders";
        startInfo.Environment["FUNCTIONS_CORE_TOOLS_TELEMETRY_OPTOUT"] = "1";

        // The host schedules timers in its local time zone; the purge's 02:00 means UTC, as in Azure and npm start.
        // .NET reads TZ on Linux and macOS; on Windows the host keeps the system zone whatever this says.
        startInfo.Environment["TZ"] = "UTC";
        return startInfo;
    }

    private async Task StartLocalAsync(string funcPath)
    {
        _azurite = await AzuriteInstance.StartAsync();
        var port = FreeTcpPort();
        var appFolder = FunctionsAppFolder();
        var startInfo = FuncStartInfo(funcPath, appFolder, port, _azurite.ConnectionString);

        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => _funcOutput.Add(e.Data);
        process.ErrorDataReceived += (_, e) => _funcOutput.Add(e.Data);
        process.Start();
        _func = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        _client = CreateClient(new Uri($"http://127.0.0.1:{port}/"), functionKey: null);
        await WaitUntilReadyAsync(process, _client, appFolder);
    }

    private async Task WaitUntilReadyAsync(Process process, HttpClient client, string appFolder)
    {
        var started = Stopwatch.StartNew();
        string last = "no answer yet";
        while (started.Elapsed < ReadyTimeout)
        {
            if (process.HasExited)
            {
                throw NotReady(appFolder, $"func exited with code {process.ExitCode}");
            }

            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await client.GetAsync(new Uri("api/pets", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"GET /api/pets answered {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                last = $"GET /api/pets failed: {ex.Message}";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw NotReady(appFolder, $"not ready within {ReadyTimeout.TotalSeconds:0} s ({last})");
    }

    private InvalidOperationException NotReady(string appFolder, string why) =>
        new($"The Functions host in '{appFolder}' did not start: {why}. Its output:{Environment.NewLine}{_funcOutput}");

    private static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                // func starts the worker as a child process; killing only func would leave the worker running.
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the check and the kill.
        }
        catch (OperationCanceledException)
        {
            // Give up waiting; the kill was sent and the test run must not hang on it.
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The built app beside this test build (same configuration and framework), so func starts it without building;
    /// the project folder (which func builds first) if that output is not there.
    /// </summary>
    private static string FunctionsAppFolder()
    {
        var root = Repository.Root;
        var project = Path.Combine(root, "PetStore.Functions");
        var outputBelowProject = Path.GetRelativePath(Path.Combine(root, "PetStore.Tests"), AppContext.BaseDirectory);
        var output = Path.GetFullPath(Path.Combine(project, outputBelowProject));
        return File.Exists(Path.Combine(output, "host.json")) && File.Exists(Path.Combine(output, "worker.config.json")) ? output : project;
    }

    /// <summary>Adds the function key to every request, including those to absolute nextLink URLs.</summary>
    private sealed class FunctionKeyHandler(string? functionKey) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (functionKey is not null && !request.Headers.Contains(FunctionKeyHeader))
            {
                request.Headers.Add(FunctionKeyHeader, functionKey);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The last lines func printed, for the failure message.</summary>
    private sealed class ProcessOutput
    {
        private const int MaxLines = 300;
        private readonly ConcurrentQueue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lines.Enqueue(line);
            while (_lines.Count > MaxLines && _lines.TryDequeue(out _))
            {
            }
        }

        public override string ToString() => _lines.IsEmpty ? "(none)" : string.Join(Environment.NewLine, _lines);
    }
}
