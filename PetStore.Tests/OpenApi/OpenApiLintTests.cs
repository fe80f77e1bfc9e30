using System.Diagnostics;
using System.Text.Json;

using PetStore.Testing;

namespace PetStore.Tests.OpenApi;

/// <summary>
/// Lints the document the app serves with Redocly CLI (pinned in package.json) and its recommended rules, as
/// configured in redocly.yaml. Errors fail; so does any warning not justified here, and a justified one that is gone.
/// </summary>
public class OpenApiLintTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Warnings kept on purpose, by rule and location, each with the reason.</summary>
    private static readonly Dictionary<string, string> Justified = new(StringComparer.Ordinal)
    {
        ["operation-4xx-response #/paths/~1openapi.json/get/responses"] =
            "GET /api/openapi.json takes no input and needs no key, so there is no client error it could answer.",
    };

    [NodeFact]
    public async Task ServedDocument_PassesRedoclyRecommendedRules()
    {
        var root = Repository.Root;
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"Redocly CLI is not installed: run 'npm ci' in {root}.");
        var directory = Directory.CreateTempSubdirectory("petstore-openapi-");
        try
        {
            var document = Path.Combine(directory.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, await ServedDocument.JsonAsync());

            var (exitCode, output, errors) = await RunAsync(NodeFactAttribute.Node!, root, cli, "lint", document, "--config", Path.Combine(root, "redocly.yaml"), "--format=json");

            using var report = JsonDocument.Parse(output);
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => (
                    Key: $"{p.GetProperty("ruleId").GetString()} {p.GetProperty("location")[0].GetProperty("pointer").GetString()}",
                    Severity: p.GetProperty("severity").GetString(),
                    Message: p.GetProperty("message").GetString()))
                .ToList();
            Assert.True(exitCode == 0, $"redocly lint exited {exitCode}:\n{string.Join("\n", problems)}\n{errors}");
            Assert.DoesNotContain(problems, p => p.Severity != "warn");
            Assert.DoesNotContain(problems, p => !Justified.ContainsKey(p.Key));
            Assert.Equal(Justified.Keys.Order(StringComparer.Ordinal), problems.Select(p => p.Key).Order(StringComparer.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Neither usage telemetry nor an update check: the lint must not depend on the network.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"redocly lint did not finish within {Timeout}.");
        }

        return (process.ExitCode, await output, await errors);
    }
}
