using System.Runtime.InteropServices;
using System.Text.Json;
using PetStore.Testing;

namespace PetStore.Bench;

/// <summary>What the numbers were measured on; a ratio means little without it.</summary>
internal static class Machine
{
    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        CpuInfo("model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        MemInfo("MemTotal") is { } kb ? $"{kb / 1024.0 / 1024.0:0.0} GiB" : "unknown",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        AzuriteVersion() ?? "unknown",
        NodeVersion() ?? "unknown");

    private static string? CpuInfo(string key) => ProcLine("/proc/cpuinfo", key);

    private static long? MemInfo(string key) =>
        ProcLine("/proc/meminfo", key)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var number, ..] && long.TryParse(number, out var kb) ? kb : null;

    private static string? ProcLine(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path)
            .Where(line => line.StartsWith(key, StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .FirstOrDefault();
    }

    private static string? AzuriteVersion()
    {
        var package = Repository.PathTo("node_modules", "azurite", "package.json");
        if (!File.Exists(package))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(package));
        return json.RootElement.GetProperty("version").GetString();
    }

    private static string? NodeVersion()
    {
        try
        {
            using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            var version = node?.StandardOutput.ReadToEnd().Trim();
            node?.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
