using System.Reflection;

namespace PetStore.Tests.Infra;

/// <summary>Where the repository and the pinned Bicep compiler are; both are stamped in at build time.</summary>
internal static class InfraPaths
{
    public static string RepoRoot { get; } = Path.GetFullPath(Metadata("InfraRepoRoot"));

    public static string InfraDirectory { get; } = Path.Combine(RepoRoot, "infra");

    public static string BicepCli { get; } = Metadata("BicepCliPath");

    private static string Metadata(string key) =>
        typeof(InfraPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"PetStore.Tests.csproj must stamp AssemblyMetadata '{key}'.");
}
