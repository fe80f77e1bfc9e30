using System.Text.RegularExpressions;
using PetStore.Testing;

namespace PetStore.Tests.Contract;

/// <summary>
/// The folder-to-folder dependencies of the functions project, read from its <c>using</c> lines and qualified names,
/// are the ones the README's architecture table states: features own their ports, and only the composition root
/// (the project's root folder) knows <c>Storage/</c>.
/// </summary>
public partial class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["Pets"] = ["Http", "Purge", "Reminders", "Telemetry"],
        ["Reminders"] = ["Pets", "Telemetry"],
        ["Purge"] = ["Pets", "Reminders", "Telemetry"],
        ["Http"] = [],
        ["Storage"] = ["Pets", "Purge", "Reminders", "Telemetry"],
        ["OpenApi"] = ["Http", "Pets"],
        ["Telemetry"] = [],
    };

    private static string FunctionsFolder =>
        Repository.PathTo("PetStore.Functions");

    public static TheoryData<string> Folders() => [.. Allowed.Keys];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Folder_ImportsOnlyWhatTheArchitectureTableAllows(string folder)
    {
        var imported = Directory.EnumerateFiles(Path.Combine(FunctionsFolder, folder), "*.cs")
            .SelectMany(file => References().Matches(File.ReadAllText(file)).Select(m => m.Groups["folder"].Value))
            .Where(other => other != folder)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Subset(Allowed[folder].ToHashSet(StringComparer.Ordinal), imported);
    }

    [Fact]
    public void Storage_IsImportedOnlyByTheCompositionRoot()
    {
        var importers = Directory.EnumerateFiles(FunctionsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => References().Matches(File.ReadAllText(file)).Any(m => m.Groups["folder"].Value == "Storage"))
            .Select(file => Path.GetRelativePath(FunctionsFolder, file))
            .Where(file => !file.StartsWith("Storage", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(["ServiceCollectionExtensions.cs"], importers);
    }

    // A using directive or a fully qualified name that reaches into another folder's namespace.
    [GeneratedRegex(@"PetStore\.Functions\.(?<folder>[A-Z][A-Za-z]+)\b")]
    private static partial Regex References();
}
