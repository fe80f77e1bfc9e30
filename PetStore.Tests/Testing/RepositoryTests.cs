using System.Xml.Linq;
using PetStore.Testing;

namespace PetStore.Tests.Testing;

public class RepositoryTests
{
    [Fact]
    public void Root_IsTheFolderThatHoldsTheSolutionAndItsProjects()
    {
        Assert.True(File.Exists(Path.Combine(Repository.Root, "PetStore.sln")), Repository.Root);
        Assert.True(File.Exists(Repository.PathTo("PetStore.Tests", "PetStore.Tests.csproj")), Repository.Root);
        Assert.True(Path.IsPathFullyQualified(Repository.Root));
        Assert.False(Path.EndsInDirectorySeparator(Repository.Root));
    }

    /// <summary>
    /// The arrows between the test-side projects go one way (tests to benchmark to PetStore.Testing), so no project
    /// compiles another's files by link and the shared library stays a plain library that refers to nothing of ours.
    /// </summary>
    [Fact]
    public void Projects_SharedTestingLibrary_ReferencesNoProjectAndNoProjectLinksAnotherProjectsFiles()
    {
        var projects = Directory.GetFiles(Repository.Root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p), XDocument.Load);

        var testing = projects["PetStore.Testing"];
        Assert.Empty(Items(testing, "ProjectReference"));
        Assert.DoesNotContain(Items(testing, "PackageReference"), p => p is "Microsoft.NET.Test.Sdk" or "xunit" or "xunit.runner.visualstudio");
        Assert.DoesNotContain(testing.Descendants("IsTestProject"), e => e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Items(projects["PetStore.Bench"], "ProjectReference"), p => p.Contains("PetStore.Tests", StringComparison.Ordinal));
        var linkedOrAliased = projects
            .SelectMany(p => Items(p.Value, "Compile").Where(path => path.StartsWith("..", StringComparison.Ordinal))
                .Concat(p.Value.Descendants("ProjectReference").Where(r => r.Attribute("Aliases") is not null).Select(r => $"alias on {r.Attribute("Include")?.Value}"))
                .Select(what => $"{p.Key}: {what}"))
            .ToList();
        Assert.Empty(linkedOrAliased);
    }

    private static IEnumerable<string> Items(XDocument project, string item) =>
        project.Descendants(item).Select(e => (string?)e.Attribute("Include") ?? "").Select(p => p.Replace('\\', '/'));
}
