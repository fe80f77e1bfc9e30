namespace PetStore.Tests.Scripts;

/// <summary>
/// <c>npm start</c>'s choice of func, what it says, and the environment it gives the host, with fake func executables
/// that print what they received. The real Core Tools are never needed.
/// </summary>
public sealed class StartScriptTests : IDisposable
{
    private readonly StartScriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [PosixFact]
    public async Task Start_NoFuncAnywhere_ExitsWithInstructions()
    {
        var run = await _sandbox.RunStartAsync(_sandbox.NewFolder("empty"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("Using func", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("npm i -g azure-functions-core-tools@4", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("run npm ci again", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("node_modules", "azure-functions-core-tools", "bin", "func"), run.StandardError, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_FuncOnPath_RunsItInTheAppFolderInUtc()
    {
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"));

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Using func on PATH: {global}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"fake func: {global}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("args: start\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"cwd: {_sandbox.FunctionsFolder}\n", run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_NonUtcMachine_GivesFuncTzUtcAndKeepsTheRestOfTheEnvironment()
    {
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"));

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.Contains("TZ=UTC\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("marker: kept\n", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("TZ=Europe/Berlin applies to everything but func", run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_FuncOnlyInProject_RunsTheProjectsBinary()
    {
        StartScriptSandbox.WriteFakeFuncAt(_sandbox.ProjectFuncPath);

        var run = await _sandbox.RunStartAsync(_sandbox.NewFolder("empty"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Using func this project's, from the npm package azure-functions-core-tools: {_sandbox.ProjectFuncPath}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"fake func: {_sandbox.ProjectFuncPath}", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("TZ=UTC\n", run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_FuncOnPathAndInProject_PrefersPath()
    {
        StartScriptSandbox.WriteFakeFuncAt(_sandbox.ProjectFuncPath);
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"));

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.Contains($"fake func: {global}", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.ProjectFuncPath, run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_ProjectLauncherInNpmBinOnPath_RunsTheProjectsBinaryInstead()
    {
        // npm run puts node_modules/.bin first on PATH; the package's launcher there downloads Core Tools when the
        // binary is missing, so it must never be taken for a global func.
        StartScriptSandbox.WriteFakeFuncAt(_sandbox.ProjectFuncPath);
        var launcher = StartScriptSandbox.WriteFakeFunc(_sandbox.NpmBinFolder);

        var run = await _sandbox.RunStartAsync(_sandbox.NpmBinFolder, _sandbox.NewFolder("empty"));

        Assert.Contains($"fake func: {_sandbox.ProjectFuncPath}", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain($"fake func: {launcher}", run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_FuncFails_ExitsWithItsCode()
    {
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"), exitCode: 7);

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.True(run.ExitCode == 7, run.ToString());
    }

    [PosixFact]
    public async Task Start_OlderLocalSettings_GainsTheNewSettingsAndKeepsTheDevelopersOwn()
    {
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"));
        var settings = Path.Combine(_sandbox.FunctionsFolder, "local.settings.json");
        File.WriteAllText(settings, """
            {
              "IsEncrypted": false,
              "Values": {
                "AzureWebJobsStorage": "UseDevelopmentStorage=true",
                "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
                "PetStorage": "my own storage",
                "Pets__RetentionPeriod": "00:05:00"
              }
            }
            """);

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(settings));
        var values = document.RootElement.GetProperty("Values");
        Assert.Equal("my own storage", values.GetProperty("PetStorage").GetString());
        Assert.Equal("00:05:00", values.GetProperty("Pets__RetentionPeriod").GetString());
        Assert.Equal("pet-reminders", values.GetProperty("Reminders__QueueName").GetString());
        Assert.Contains("Reminders__QueueName", run.StandardOutput, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Start_CurrentLocalSettings_AreLeftByteForByte()
    {
        var global = StartScriptSandbox.WriteFakeFunc(_sandbox.NewFolder("global"));
        var settings = Path.Combine(_sandbox.FunctionsFolder, "local.settings.json");
        var sample = File.ReadAllText(Path.Combine(_sandbox.Root, "local.settings.sample.json")).Replace("30.00:00:00", "00:01:00", StringComparison.Ordinal);
        File.WriteAllText(settings, sample);

        var run = await _sandbox.RunStartAsync(Path.GetDirectoryName(global)!);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(sample, File.ReadAllText(settings));
    }
}
