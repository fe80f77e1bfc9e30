using System.Reflection;

namespace PetStore.Testing;

/// <summary>
/// Where the repository is on this machine: the folder that holds <c>PetStore.sln</c>. It is the build's own
/// <c>$(RepoRoot)</c> (Directory.Build.props), stamped into this assembly, so tests, the benchmark and MSBuild
/// agree on it wherever the build output goes.
/// </summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root, a full path without a trailing separator.</summary>
    /// <exception cref="InvalidOperationException">The assembly was built elsewhere and that folder no longer holds PetStore.sln.</exception>
    public static string Root => LazyRoot.Value;

    /// <summary>A path below the repository root, such as <c>PathTo("infra", "main.bicep")</c>.</summary>
    public static string PathTo(params string[] relativeParts)
    {
        ArgumentNullException.ThrowIfNull(relativeParts);
        return Path.Combine([Root, .. relativeParts]);
    }

    private static string FindRoot()
    {
        var stamped = typeof(Repository).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "RepositoryRoot")?.Value
            ?? throw new InvalidOperationException("PetStore.Testing.csproj must stamp AssemblyMetadata 'RepositoryRoot'.");
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(stamped));
        return File.Exists(Path.Combine(root, "PetStore.sln"))
            ? root
            : throw new InvalidOperationException(
                $"PetStore.Testing was built in '{root}', which no longer holds PetStore.sln; build it again where the repository is.");
    }
}
