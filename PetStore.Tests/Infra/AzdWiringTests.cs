using System.Text.Json.Nodes;
using PetStore.Testing;

namespace PetStore.Tests.Infra;

/// <summary>What `azd up` needs besides the template: parameters it can fill and a service it can find.</summary>
[Collection(CompiledTemplateGroup.Name)]
public sealed class AzdWiringTests(CompiledTemplate template)
{
    [Fact]
    public void MainParameters_RequiredParameters_AreAllSuppliedByAzd()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.InfraDirectory, "main.parameters.json")))!["parameters"]!.AsObject();
        var required = template.Main["parameters"]!.AsObject()
            .Where(p => p.Value!["defaultValue"] is null)
            .Select(p => p.Key);

        Assert.All(required, name => Assert.StartsWith("${AZURE_", (string?)parameters[name]?["value"], StringComparison.Ordinal));
        Assert.All(parameters, p => Assert.True(template.Main["parameters"]!.AsObject().ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}."));
    }

    [Fact]
    public void AzureYaml_ApiService_IsTheFunctionProjectTaggedInTheTemplate()
    {
        var azureYaml = File.ReadAllLines(Repository.PathTo("azure.yaml")).Select(l => l.Trim()).ToList();
        var tags = template.FunctionApp["tags"]!;
        var serviceTag = tags is JsonObject literal ? $"'azd-service-name', '{literal["azd-service-name"]}'" : (string)tags!;

        Assert.Contains("api:", azureYaml);
        Assert.Contains("project: ./PetStore.Functions", azureYaml);
        Assert.Contains("host: function", azureYaml);
        Assert.Contains("path: infra", azureYaml);
        Assert.True(File.Exists(Repository.PathTo("PetStore.Functions", "PetStore.Functions.csproj")));
        Assert.Contains("'azd-service-name', 'api'", serviceTag, StringComparison.Ordinal);
    }
}
