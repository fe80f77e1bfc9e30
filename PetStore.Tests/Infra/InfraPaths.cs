using System.Reflection;
using System.Runtime.InteropServices;
using PetStore.Testing;

namespace PetStore.Tests.Infra;

/// <summary>Where the templates and the pinned Bicep compiler are; the compiler's path is stamped in at build time.</summary>
internal static class InfraPaths
{
    public static string InfraDirectory { get; } = Repository.PathTo("infra");

    /// <summary>
    /// The pinned compiler from NuGet on Linux x64 (CI). The NuGet feed here only serves that build, so elsewhere
    /// (Windows, macOS) the tests use the <c>bicep</c> that azd or <c>az bicep install</c> put on PATH.
    /// </summary>
    public static string BicepCli { get; } =
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64
            ? Metadata("BicepCliPath")
            : FindOnPath(OperatingSystem.IsWindows() ? "bicep.exe" : "bicep")
              ?? throw new FileNotFoundException("The infra tests need the Bicep CLI: on this OS install it with 'az bicep install' or azd and put 'bicep' on PATH.");

    private static string? FindOnPath(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, file))
            .FirstOrDefault(File.Exists);

    private static string Metadata(string key) =>
        typeof(InfraPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"PetStore.Tests.csproj must stamp AssemblyMetadata '{key}'.");
}
