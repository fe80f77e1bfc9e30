namespace PetStore.Tests.OpenApi;

/// <summary>A fact that runs a Node.js tool from the repository's node_modules; skipped, with the reason, without node.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (Node is null)
        {
            Skip = "Node.js is not on PATH; install Node.js 20.19+ and run 'npm ci' to lint the OpenAPI document.";
        }
    }

    /// <summary>The node executable on PATH, or null.</summary>
    public static string? Node { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node"))
        .FirstOrDefault(File.Exists);
}
