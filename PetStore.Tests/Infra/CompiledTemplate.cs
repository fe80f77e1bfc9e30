using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PetStore.Tests.Infra;

/// <summary>
/// infra/main.bicep compiled once per test run to the ARM JSON that azd would submit.
/// The resources live in the nested resource-group deployment that main.bicep declares.
/// </summary>
public sealed partial class CompiledTemplate : IAsyncLifetime
{
    internal BicepResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    private JsonObject? main;
    private JsonObject? resourceGroupTemplate;

    public JsonObject Main => main ?? throw NotBuilt();

    public JsonObject ResourceGroupTemplate => resourceGroupTemplate ?? throw NotBuilt();

    public IReadOnlyList<JsonObject> Resources => ResourcesOf(ResourceGroupTemplate);

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        if (Build.ExitCode != 0)
        {
            return;
        }

        main = JsonNode.Parse(Build.StandardOutput)?.AsObject()
            ?? throw new InvalidOperationException("bicep build printed no template.");
        resourceGroupTemplate = ResourcesOf(main)
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments")["properties"]!["template"]!
            .AsObject();
    }

    // Every template test then fails with the compiler's own message rather than a missing resource.
    private InvalidOperationException NotBuilt() =>
        new($"infra/main.bicep did not compile (exit {Build.ExitCode}):\n{Build.StandardError}");

    public Task DisposeAsync() => Task.CompletedTask;

    internal IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    internal JsonObject Single(string type) => Assert.Single(OfType(type));

    internal JsonObject FunctionApp => Single("Microsoft.Web/sites");

    /// <summary>The function app's settings by name, with plain <c>[variables('x')]</c> references resolved.</summary>
    internal IReadOnlyDictionary<string, string> AppSettings =>
        FunctionApp["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(s => s!.AsObject())
            .ToDictionary(s => (string)s["name"]!, s => Resolve((string)s["value"]!), StringComparer.Ordinal);

    internal string Resolve(string value)
    {
        var variable = VariableReference().Match(value);
        return variable.Success
            ? (string)ResourceGroupTemplate["variables"]![variable.Groups[1].Value]!
            : value;
    }

    [GeneratedRegex(@"^\[variables\('([^']+)'\)\]$")]
    private static partial Regex VariableReference();

    // Bicep emits an array of resources, or a name-keyed object under languageVersion 2.0.
    private static List<JsonObject> ResourcesOf(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()).ToList(),
            JsonObject byName => byName.Select(p => p.Value!.AsObject()).ToList(),
            _ => [],
        };
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateGroup : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled infra template";
}
