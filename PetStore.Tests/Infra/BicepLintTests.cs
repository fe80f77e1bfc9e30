namespace PetStore.Tests.Infra;

[Collection(CompiledTemplateGroup.Name)]
public sealed class BicepLintTests(CompiledTemplate template)
{
    public static TheoryData<string> BicepFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(InfraPaths.InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(InfraPaths.InfraDirectory, file));
        }

        return files;
    }

    [Fact]
    public void Build_MainTemplate_CompilesWithoutWarnings()
    {
        Assert.True(template.Build.ExitCode == 0, $"bicep build failed:\n{template.Build.StandardError}");
        Assert.Empty(template.Build.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_EveryBicepFile_HasNoWarningsOrErrors(string file)
    {
        var result = await BicepCli.RunAsync("lint", file);

        Assert.True(result.ExitCode == 0, $"bicep lint {file} failed:\n{result.StandardError}");
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public async Task Lint_FileWithAnUnusedParameter_Fails()
    {
        // Guards the guard: proves bicepconfig.json is picked up and a linter finding is caught.
        var probe = Path.Combine(InfraPaths.InfraDirectory, $"lint-probe-{Guid.NewGuid():N}.bicep");
        await File.WriteAllTextAsync(probe, "param unused string = 'x'\n");
        try
        {
            var result = await BicepCli.RunAsync("lint", Path.GetFileName(probe));

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
