namespace PetStore.Tests.EndToEnd;

/// <summary>The target decision alone: plain unit tests that start nothing and run everywhere.</summary>
public class E2ETargetTests
{
    private const string UnixFunc = "/opt/func/bin/func";
    private const string Repo = "/src/petstore";
    private const string RepoFunc = "/src/petstore/node_modules/azure-functions-core-tools/bin/func";

    [Fact]
    public void Resolve_NoBaseUrlAndNoFunc_IsNoneWithInstallHint()
    {
        var target = E2ETarget.Resolve(Env(("PATH", "/usr/bin:/bin")), NoFiles, isWindows: false, Repo);

        Assert.Equal(E2ETargetKind.None, target.Kind);
        Assert.Equal(E2ETarget.NoTargetReason, target.SkipReason);
        Assert.Contains("npm i -g azure-functions-core-tools@4", target.SkipReason, StringComparison.Ordinal);
        Assert.Contains("npm ci", target.SkipReason, StringComparison.Ordinal);
        Assert.Contains(E2ETarget.BaseUrlVariable, target.SkipReason, StringComparison.Ordinal);
        Assert.Equal(target.SkipReason, target.AdminApiSkipReason);
    }

    [Fact]
    public void Resolve_FuncOnlyInProjectNodeModules_IsLocalWithProjectFunc()
    {
        var target = E2ETarget.Resolve(Env(("PATH", "/usr/bin:/bin")), Files(RepoFunc), isWindows: false, Repo);

        Assert.Equal(E2ETargetKind.Local, target.Kind);
        Assert.Equal(RepoFunc, target.FuncPath);
    }

    [Fact]
    public void Resolve_FuncOnPathAndInProject_PrefersPath()
    {
        var target = E2ETarget.Resolve(Env(("PATH", "/usr/bin:/opt/func/bin")), Files(RepoFunc, UnixFunc), isWindows: false, Repo);

        Assert.Equal(UnixFunc, target.FuncPath);
    }

    [Fact]
    public void Resolve_NoRepositoryRoot_DoesNotLookInNodeModules()
    {
        var anyProjectFunc = (string path) => path.Contains("node_modules/azure-functions-core-tools/bin/func", StringComparison.Ordinal);

        var target = E2ETarget.Resolve(Env(("PATH", "/usr/bin")), anyProjectFunc, isWindows: false, repositoryRoot: null);

        Assert.Equal(E2ETargetKind.None, target.Kind);
    }

    [Fact]
    public void Resolve_FuncOnPath_IsLocalWithItsPath()
    {
        var target = E2ETarget.Resolve(Env(("PATH", "/usr/bin:/opt/func/bin")), Files(UnixFunc), isWindows: false, Repo);

        Assert.Equal(E2ETargetKind.Local, target.Kind);
        Assert.Equal(UnixFunc, target.FuncPath);
        Assert.Null(target.SkipReason);
        Assert.Null(target.AdminApiSkipReason);
    }

    [Fact]
    public void Resolve_BaseUrlAndFuncOnPath_PrefersDeployedApp()
    {
        var target = E2ETarget.Resolve(
            Env(("PATH", "/opt/func/bin"), (E2ETarget.BaseUrlVariable, "https://myapp.azurewebsites.net"), (E2ETarget.FunctionKeyVariable, "key")),
            Files(UnixFunc),
            isWindows: false,
            Repo);

        Assert.Equal(E2ETargetKind.Deployed, target.Kind);
        Assert.Equal(new Uri("https://myapp.azurewebsites.net/"), target.BaseUrl);
        Assert.Equal("key", target.FunctionKey);
        Assert.Null(target.FuncPath);
        Assert.Null(target.SkipReason);
    }

    [Fact]
    public void Resolve_DeployedWithoutMasterKey_SkipsOnlyAdminApiTests()
    {
        var target = E2ETarget.Resolve(
            Env((E2ETarget.BaseUrlVariable, "https://myapp.azurewebsites.net"), (E2ETarget.FunctionKeyVariable, "key")),
            NoFiles,
            isWindows: false,
            Repo);

        Assert.Null(target.SkipReason);
        Assert.Equal(E2ETarget.NoAdminApiReason, target.AdminApiSkipReason);
    }

    [Fact]
    public void Resolve_DeployedWithMasterKey_RunsAdminApiTests()
    {
        var target = E2ETarget.Resolve(
            Env((E2ETarget.BaseUrlVariable, "https://myapp.azurewebsites.net/"), (E2ETarget.FunctionKeyVariable, "key"), (E2ETarget.MasterKeyVariable, "master")),
            NoFiles,
            isWindows: false,
            Repo);

        Assert.Equal("master", target.MasterKey);
        Assert.Null(target.AdminApiSkipReason);
    }

    [Theory]
    [InlineData("myapp.azurewebsites.net", "key")]
    [InlineData("ftp://myapp.azurewebsites.net", "key")]
    [InlineData("https://myapp.azurewebsites.net", null)]
    [InlineData("https://myapp.azurewebsites.net", "  ")]
    public void Resolve_UnusableDeployedSettings_IsMisconfiguredNotSkipped(string baseUrl, string? functionKey)
    {
        var target = E2ETarget.Resolve(
            Env(("PATH", "/opt/func/bin"), (E2ETarget.BaseUrlVariable, baseUrl), (E2ETarget.FunctionKeyVariable, functionKey)),
            Files(UnixFunc),
            isWindows: false,
            Repo);

        Assert.Equal(E2ETargetKind.Misconfigured, target.Kind);
        Assert.Null(target.SkipReason);
        Assert.Contains(E2ETarget.BaseUrlVariable, target.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BlankBaseUrl_FallsBackToFunc()
    {
        var target = E2ETarget.Resolve(Env(("PATH", "/opt/func/bin"), (E2ETarget.BaseUrlVariable, " ")), Files(UnixFunc), isWindows: false, Repo);

        Assert.Equal(E2ETargetKind.Local, target.Kind);
    }

    [Fact]
    public void FindOnPath_WindowsWithShellShimAndCmd_ReturnsCmd()
    {
        const string Npm = @"C:\Users\me\AppData\Roaming\npm";

        var found = E2ETarget.FindOnPath(
            $@"C:\Windows;""{Npm}""",
            Files(Path.Combine(Npm, "func"), Path.Combine(Npm, "func.cmd")),
            isWindows: true);

        Assert.Equal(Path.Combine(Npm, "func.cmd"), found);
    }

    [Fact]
    public void FindOnPath_UnixWithOnlyFuncCmd_ReturnsNull()
    {
        var found = E2ETarget.FindOnPath("/opt/func/bin", Files("/opt/func/bin/func.cmd", "/opt/func/bin/func.exe"), isWindows: false);

        Assert.Null(found);
    }

    [Fact]
    public void FindOnPath_FuncInTwoEntries_ReturnsFirst()
    {
        var found = E2ETarget.FindOnPath("/a:/b", Files("/a/func", "/b/func"), isWindows: false);

        Assert.Equal("/a/func", found);
    }

    [Fact]
    public void FindOnPath_NpmBinFolderFirst_SkipsItsLauncher()
    {
        var found = E2ETarget.FindOnPath($"{Repo}/node_modules/.bin:/opt/func/bin", Files($"{Repo}/node_modules/.bin/func", UnixFunc), isWindows: false);

        Assert.Equal(UnixFunc, found);
    }

    [Fact]
    public void FindOnPath_WindowsNpmBinFolder_SkipsItsLauncher()
    {
        const string NpmBin = @"C:\src\petstore\node_modules\.bin\";
        const string Tools = @"C:\tools";

        var found = E2ETarget.FindOnPath(
            $"{NpmBin};{Tools}",
            Files(Path.Combine(NpmBin, "func.cmd"), Path.Combine(Tools, "func.cmd")),
            isWindows: true);

        Assert.Equal(Path.Combine(Tools, "func.cmd"), found);
    }

    [Fact]
    public void FindInProject_Windows_OnlyFuncExeCounts()
    {
        const string Root = @"C:\src\petstore";
        var bin = Path.Combine(Root, "node_modules", "azure-functions-core-tools", "bin");

        Assert.Null(E2ETarget.FindInProject(Root, Files(Path.Combine(bin, "func")), isWindows: true));
        Assert.Equal(Path.Combine(bin, "func.exe"), E2ETarget.FindInProject(Root, Files(Path.Combine(bin, "func"), Path.Combine(bin, "func.exe")), isWindows: true));
    }

    private static bool NoFiles(string path) => false;

    private static Func<string, bool> Files(params string[] paths) => path => paths.Contains(path, StringComparer.Ordinal);

    private static Func<string, string?> Env(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.Ordinal)).Value;
}
