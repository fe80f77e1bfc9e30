using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PetStore.Tests.Infra;

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Every compiler or linter warning and error, in the CLI's "file(line,col) : Level CODE: text" form.</summary>
    public IReadOnlyList<string> Diagnostics { get; } =
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => BicepCli.DiagnosticLine().IsMatch(line))
            .ToList();
}

/// <summary>Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64), so no Azure tooling is needed.</summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [GeneratedRegex(@"\) : (Warning|Error) ")]
    internal static partial Regex DiagnosticLine();

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var cli = InfraPaths.BicepCli;
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException("The Bicep CLI was not restored; run 'dotnet restore PetStore.sln'.", cli);
        }

        EnsureExecutable(cli);

        var startInfo = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraPaths.InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The CLI is a .NET single-file app; without ICU on the machine it needs invariant globalization.
        startInfo.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {cli}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    // NuGet does not promise to keep the executable bit when it extracts a package.
    private static void EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }
    }
}
