using System.Diagnostics;
using System.Text.Json;
using PetStore.Testing;

namespace PetStore.Tests.Infra;

/// <summary>
/// What azd deploys is 'dotnet publish -c Release' of PetStore.Functions, run on Flex Consumption (Linux x64, the
/// .NET runtime provided): that publish targets linux-x64, framework-dependent, with ReadyToRun code, while a build
/// on a developer's machine or in CI stays portable. The project is only evaluated (no restore, no build), as
/// 'dotnet publish' evaluates it: the CLI sets the global property _IsPublishing=true for publish, and only then.
/// </summary>
[Trait("Category", "Integration")]
public class PublishSettingsTests
{
    private static readonly string[] Properties = ["RuntimeIdentifier", "SelfContained", "PublishReadyToRun"];

    [Fact]
    public async Task Publish_AsAzdRunsIt_TargetsLinuxX64FrameworkDependentWithReadyToRun()
    {
        var properties = await EvaluateAsync("-p:Configuration=Release", "-p:_IsPublishing=true");

        Assert.Equal(("linux-x64", "false", "true"), (properties["RuntimeIdentifier"], properties["SelfContained"], properties["PublishReadyToRun"]));
    }

    [Fact]
    public async Task Build_OnADeveloperMachine_StaysPortableWithoutReadyToRun()
    {
        var properties = await EvaluateAsync();

        Assert.Equal(("", ""), (properties["RuntimeIdentifier"], properties["PublishReadyToRun"]));
    }

    private static async Task<Dictionary<string, string>> EvaluateAsync(params string[] globalProperties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in (string[])["msbuild", Repository.PathTo("PetStore.Functions", "PetStore.Functions.csproj"), .. globalProperties, .. Properties.Select(p => $"-getProperty:{p}")])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild -getProperty exited with {process.ExitCode}: {await stdout}{await stderr}");

        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
    }
}
