using System.Diagnostics;
using System.Text;

using PetStore.Testing;

namespace PetStore.Tests.Scripts;

/// <summary>
/// A throwaway repository root holding copies of the real <c>scripts/start.mjs</c> and <c>scripts/azurite.mjs</c>, so
/// they run against a node_modules and a PATH the test controls. Every run passes <c>--no-azurite</c> and the root
/// has a stub Azurite package (so no <c>npm ci</c>), so nothing here touches the network or ports 10000-10002.
/// </summary>
internal sealed class StartScriptSandbox : IDisposable
{
    /// <summary>A variable the fake func echoes, to show the developer's environment reaches it.</summary>
    public const string MarkerVariable = "PETSTORE_TEST_MARKER";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("petstore-start-");

    public StartScriptSandbox()
    {
        var repository = Repository.Root;
        Root = Directory.CreateDirectory(Path.Combine(_folder.FullName, "repo")).FullName;
        Directory.CreateDirectory(Path.Combine(Root, "scripts"));
        foreach (var script in new[] { "start.mjs", "azurite.mjs" })
        {
            File.Copy(Path.Combine(repository, "scripts", script), Path.Combine(Root, "scripts", script));
        }

        File.Copy(Path.Combine(repository, "local.settings.sample.json"), Path.Combine(Root, "local.settings.sample.json"));
        Directory.CreateDirectory(FunctionsFolder);
        var azurite = Directory.CreateDirectory(Path.Combine(Root, "node_modules", "azurite")).FullName;
        File.WriteAllText(Path.Combine(azurite, "package.json"), """{ "name": "azurite" }""");
    }

    /// <summary>The sandbox's repository root.</summary>
    public string Root { get; }

    public string FunctionsFolder => Path.Combine(Root, "PetStore.Functions");

    /// <summary>Where the optional dependency azure-functions-core-tools puts the Core Tools binary.</summary>
    public string ProjectFuncPath => Path.Combine(Root, "node_modules", "azure-functions-core-tools", "bin", "func");

    /// <summary>Where npm links the package's launcher, and puts on PATH for <c>npm start</c>.</summary>
    public string NpmBinFolder => Path.Combine(Root, "node_modules", ".bin");

    /// <summary>A new empty folder outside the repository root, for PATH.</summary>
    public string NewFolder(string name) => Directory.CreateDirectory(Path.Combine(_folder.FullName, name)).FullName;

    /// <summary>Writes an executable <c>func</c> into <paramref name="folder"/> that prints what it got and exits.</summary>
    public static string WriteFakeFunc(string folder, int exitCode = 0) => WriteFakeFuncAt(Path.Combine(folder, "func"), exitCode);

    /// <summary>Writes the fake <c>func</c> (see <see cref="WriteFakeFunc"/>) at <paramref name="path"/>.</summary>
    public static string WriteFakeFuncAt(string path, int exitCode = 0)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Shell built-ins only: PATH in these runs holds nothing but the test's folders.
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "fake func: $0"
            echo "args: $*"
            echo "TZ=$TZ"
            echo "marker: ${MarkerVariable}"
            echo "cwd: $PWD"
            exit {exitCode}

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        return path;
    }

    /// <summary>
    /// Runs <c>node scripts/start.mjs --no-azurite</c> from the sandbox with PATH set to <paramref name="pathFolders"/>
    /// alone, <c>TZ=Europe/Berlin</c> and the marker variable set, as a developer's shell on a non-UTC machine would.
    /// </summary>
    public async Task<ScriptRun> RunStartAsync(params string[] pathFolders)
    {
        var startInfo = new ProcessStartInfo(NodePath.Value)
        {
            WorkingDirectory = Root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(Path.Combine(Root, "scripts", "start.mjs"));
        startInfo.ArgumentList.Add("--no-azurite");
        startInfo.Environment["PATH"] = string.Join(Path.PathSeparator, pathFolders);
        startInfo.Environment["TZ"] = "Europe/Berlin";
        startInfo.Environment[MarkerVariable] = "kept";

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"start.mjs did not exit within {RunTimeout.TotalSeconds:0} s. Its output: {await stdout}{await stderr}");
        }

        return new ScriptRun(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly Lazy<string> NodePath = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("These tests run the npm scripts with 'node'; install Node.js 20+ and put it on PATH."));
}

/// <summary>What one run of a script did.</summary>
internal sealed record ScriptRun(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() =>
        new StringBuilder().Append("exit code ").Append(ExitCode)
            .AppendLine().AppendLine("stdout:").Append(StandardOutput)
            .AppendLine().AppendLine("stderr:").Append(StandardError)
            .ToString();
}
