using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace PetStore.Testing;

/// <summary>
/// A real Azurite (Blob, Queue and Table) running as a child <c>node</c> process on loopback ports of its own,
/// so tests and the benchmark never depend on, or collide with, an emulator someone else left on 10000-10002.
/// </summary>
public sealed partial class AzuriteInstance : IAsyncDisposable
{
    // The well-known development account; its key is published in the Azurite and Azure Storage docs.
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    // Closes Azurite when its stdin reaches end of file, which happens when this process dies without
    // running ProcessExit (crash, vstest killing a hung testhost), so an emulator is never left behind.
    private const string ExitWhenParentDies =
        "data:text/javascript,process.stdin.on('end',()=>process.exit(0));process.stdin.resume();";

    private static readonly Lazy<Task<AzuriteInstance>> SharedInstance = new(StartSharedAsync);

    private readonly Process _process;
    private readonly AzuriteOutput _output;
    private readonly bool _isShared;

    private AzuriteInstance(Process process, AzuriteOutput output, int blobPort, int queuePort, int tablePort, bool isShared)
    {
        _process = process;
        _output = output;
        _isShared = isShared;
        ProcessId = process.Id;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");
    }

    /// <summary>A full connection string with explicit 127.0.0.1 endpoints for this instance.</summary>
    public string ConnectionString { get; }

    /// <summary>The port the Blob service listens on.</summary>
    public int BlobPort { get; }

    /// <summary>The port the Queue service listens on.</summary>
    public int QueuePort { get; }

    /// <summary>The port the Table service listens on.</summary>
    public int TablePort { get; }

    /// <summary>The id of the <c>node</c> process that runs Azurite.</summary>
    public int ProcessId { get; }

    /// <summary>
    /// The one instance of this process, started on first use and stopped when the process exits.
    /// Disposing it does nothing; isolate tests with <see cref="UniqueName"/> tables and queues instead.
    /// </summary>
    public static Task<AzuriteInstance> SharedAsync() => SharedInstance.Value;

    /// <summary>Starts an instance that belongs to the caller, who must dispose it.</summary>
    public static Task<AzuriteInstance> StartAsync(CancellationToken cancellationToken = default) =>
        StartCoreAsync(isShared: false, cancellationToken);

    /// <summary>
    /// A fresh name that is valid both as a table name and as a queue name: lower-case letters and digits,
    /// starting with a letter, at most 63 characters.
    /// </summary>
    public static string UniqueName(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var name = new StringBuilder(63);
        foreach (var c in prefix)
        {
            if (char.IsAsciiLetterOrDigit(c) && name.Length < 31)
            {
                name.Append(char.ToLowerInvariant(c));
            }
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            name.Insert(0, 't');
        }

        return name.Append(Guid.NewGuid().ToString("N")).ToString();
    }

    /// <summary>Stops a private instance (the whole process tree) and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_isShared)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        await StopAsync(_process, timeout.Token);
        _process.Dispose();
    }

    private static Task<AzuriteInstance> StartSharedAsync() => StartCoreAsync(isShared: true, CancellationToken.None);

    private static async Task<AzuriteInstance> StartCoreAsync(bool isShared, CancellationToken cancellationToken)
    {
        var azuriteJs = FindAzuriteJs();
        var output = new AzuriteOutput();
        var process = new Process { StartInfo = CreateStartInfo(azuriteJs), EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.Exited += (_, _) => output.ProcessExited();

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node'. Install Node.js 20 or later and put it on PATH.", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var (blobPort, queuePort, tablePort) = await output.Ports.WaitAsync(timeout.Token);
            foreach (var port in new[] { blobPort, queuePort, tablePort })
            {
                await WaitUntilAcceptingAsync(port, timeout.Token);
            }

            // The ports answering proves nothing if our child already died and something else owns them.
            if (process.HasExited)
            {
                throw new InvalidOperationException("Azurite exited right after its ports answered.");
            }

            var instance = new AzuriteInstance(process, output, blobPort, queuePort, tablePort, isShared);
            if (isShared)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.StopOnProcessExit();
            }

            return instance;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or SocketException)
        {
            using var stop = new CancellationTokenSource(StopTimeout);
            await StopAsync(process, stop.Token);
            var exitCode = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
            process.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new InvalidOperationException(
                $"Azurite ({azuriteJs}) was not ready within {StartTimeout.TotalSeconds:0} s (exit code {exitCode}). " +
                $"Its output:{Environment.NewLine}{output}",
                ex);
        }
    }

    private static ProcessStartInfo CreateStartInfo(string azuriteJs)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };

        // Port 0 lets the OS hand out free ports atomically, so parallel test runs on a shared machine cannot race
        // for them; Azurite prints the ports it got. --skipApiVersionCheck: Azure.Storage.Queues 12.28 sends an
        // API version newer than Azurite 3.35 knows. --disableTelemetry: this machine reaches no telemetry endpoint.
        string[] arguments =
        [
            "--import", ExitWhenParentDies, azuriteJs,
            "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--queueHost", "127.0.0.1", "--queuePort", "0",
            "--tableHost", "127.0.0.1", "--tablePort", "0",
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    private static string FindAzuriteJs()
    {
        var overridePath = Environment.GetEnvironmentVariable("AZURITE_JS");
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return File.Exists(overridePath)
                ? overridePath
                : throw new InvalidOperationException($"AZURITE_JS points at '{overridePath}', which does not exist.");
        }

        var azuriteJs = Repository.PathTo("node_modules", "azurite", "dist", "src", "azurite.js");
        return File.Exists(azuriteJs)
            ? azuriteJs
            : throw new InvalidOperationException(
                $"Azurite is not installed: '{azuriteJs}' is missing. Run 'npm ci' in '{Repository.Root}' (the repository root).");
    }

    private static async Task WaitUntilAcceptingAsync(int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }

    private static async Task StopAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Leave it; the stdin watchdog ends it when this process exits.
        }
    }

    private void StopOnProcessExit()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(StopTimeout);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Azurite pid {ProcessId} (blob {BlobPort}, queue {QueuePort}, table {TablePort}): {_output}";

    /// <summary>Azurite's captured console, and the ports it reports once each service listens.</summary>
    private sealed partial class AzuriteOutput
    {
        private readonly Lock _gate = new();
        private readonly StringBuilder _text = new();
        private readonly TaskCompletionSource<(int Blob, int Queue, int Table)> _ports =
            new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int? _blob;
        private int? _queue;
        private int? _table;

        public Task<(int Blob, int Queue, int Table)> Ports => _ports.Task;

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                _text.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (!match.Success)
                {
                    return;
                }

                var port = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                switch (match.Groups["service"].Value)
                {
                    case "Blob": _blob = port; break;
                    case "Queue": _queue = port; break;
                    case "Table": _table = port; break;
                    default: break;
                }

                if (_blob is int blob && _queue is int queue && _table is int table)
                {
                    _ports.TrySetResult((blob, queue, table));
                }
            }
        }

        public void ProcessExited() =>
            _ports.TrySetException(new InvalidOperationException("Azurite exited before all three services were listening."));

        public override string ToString()
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }

        [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
        private static partial Regex ListeningLine();
    }
}
