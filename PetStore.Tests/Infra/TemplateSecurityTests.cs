using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PetStore.Testing;

namespace PetStore.Tests.Infra;

[Collection(CompiledTemplateGroup.Name)]
public sealed partial class TemplateSecurityTests(CompiledTemplate template)
{
    private const string StorageAccounts = "Microsoft.Storage/storageAccounts";
    private const string AppInsightsComponents = "Microsoft.Insights/components";
    private const string UserAssignedIdentities = "Microsoft.ManagedIdentity/userAssignedIdentities";

    // Built-in role definition ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [GeneratedRegex(@"'([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})'")]
    private static partial Regex RoleGuid();

    [GeneratedRegex(@"resourceId\('([^']+)'")]
    private static partial Regex ScopeType();

    [Fact]
    public void StorageAccount_Template_IsKeylessHttpsOnlyTls12AndPrivate()
    {
        var storage = template.Single(StorageAccounts)["properties"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)storage["defaultToOAuthAuthentication"]!);
    }

    [Fact]
    public void FunctionApp_Template_IsLinuxFlexConsumptionOnTheProjectsDotnetVersion()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");
        var app = template.FunctionApp;
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal(ProjectDotnetVersion(), (string?)runtime["version"]);
    }

    [Fact]
    public void FunctionApp_Template_IsHttpsOnlyWithoutPublishingPasswords()
    {
        var properties = template.FunctionApp["properties"]!;
        var basicAuth = template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        Assert.True((bool)properties["httpsOnly"]!);
        Assert.Equal("1.2", (string?)properties["siteConfig"]!["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)properties["siteConfig"]!["ftpsState"]);
        Assert.Equal(2, basicAuth.Count);
        Assert.All(basicAuth, policy => Assert.False((bool)policy["properties"]!["allow"]!));
    }

    [Fact]
    public void FunctionApp_Template_RunsAsTheUserAssignedIdentityOnly()
    {
        var identity = template.FunctionApp["identity"]!;
        var assigned = identity["userAssignedIdentities"]!.AsObject();

        Assert.Equal("UserAssigned", (string?)identity["type"]);
        Assert.Contains(UserAssignedIdentities, Assert.Single(assigned).Key, StringComparison.Ordinal);
        Assert.Single(template.OfType(UserAssignedIdentities));
    }

    [Fact]
    public void FunctionApp_Template_PullsItsPackageFromABlobContainerAsTheIdentity()
    {
        var storage = template.FunctionApp["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        var containers = template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("blobContainer", (string?)storage["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Contains(UserAssignedIdentities, (string?)storage["authentication"]!["userAssignedIdentityResourceId"], StringComparison.Ordinal);
        var container = Assert.Single(containers);
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        Assert.Contains("primaryEndpoints.blob", (string?)storage["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_Template_AreExactlyTheDataRolesTheAppUses()
    {
        var expected = new HashSet<(string Scope, string Role)>
        {
            (StorageAccounts, StorageBlobDataOwner),
            (StorageAccounts, StorageQueueDataContributor),
            (StorageAccounts, StorageTableDataContributor),
            (AppInsightsComponents, MonitoringMetricsPublisher),
        };

        var assignments = template.OfType("Microsoft.Authorization/roleAssignments");
        var actual = assignments
            .Select(a => (
                Scope: ScopeType().Match((string?)a["scope"] ?? "resource group").Groups[1].Value,
                Role: RoleGuid().Match((string)a["properties"]!["roleDefinitionId"]!).Groups[1].Value))
            .ToHashSet();

        Assert.Equal(assignments.Count, actual.Count);
        Assert.Equal(expected.Order(), actual.Order());
        Assert.All(assignments, a =>
        {
            Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]);
            Assert.Contains(UserAssignedIdentities, (string?)a["properties"]!["principalId"], StringComparison.Ordinal);
        });
        Assert.DoesNotContain(ResourcesOf(template.Main), r => (string?)r["type"] == "Microsoft.Authorization/roleAssignments");
    }

    [Fact]
    public void AppInsights_Template_AcceptsOnlyEntraTelemetryIntoAWorkspace()
    {
        var properties = template.Single(AppInsightsComponents)["properties"]!;
        var settings = template.AppSettings;

        Assert.True((bool)properties["DisableLocalAuth"]!);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)properties["WorkspaceResourceId"], StringComparison.Ordinal);
        Assert.Single(template.OfType("Microsoft.OperationalInsights/workspaces"));
        Assert.Contains(".ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], StringComparison.Ordinal);
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
        Assert.Contains($"{UserAssignedIdentities}'", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Everywhere_ContainsNoKeyOrSecretBearingExpression()
    {
        var json = template.Main.ToJsonString();

        foreach (var secret in new[] { "listKeys", "listSecrets", "listCredentials", "listAccountSas", "listServiceSas", "AccountKey=", "SharedAccessSignature", "DefaultEndpointsProtocol", "UseDevelopmentStorage", "InstrumentationKey" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void AppSettings_Template_HoldNoConnectionStringOrKey()
    {
        var settings = template.AppSettings;

        Assert.All(settings.Keys, name =>
        {
            // The App Insights connection string is an endpoint and an id, not a credential; with local auth
            // disabled it authorizes nothing without the identity's token.
            if (name != "APPLICATIONINSIGHTS_CONNECTION_STRING")
            {
                Assert.DoesNotContain("CONNECTIONSTRING", name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain("KEY", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SAS", name, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("PASSWORD", name, StringComparison.OrdinalIgnoreCase);
        });
        Assert.All(settings.Where(s => s.Key.EndsWith("__credential", StringComparison.Ordinal)), s =>
        {
            Assert.Equal("managedidentity", s.Value);
            var clientId = settings[s.Key.Replace("__credential", "__clientId", StringComparison.Ordinal)];
            Assert.Contains(UserAssignedIdentities, clientId, StringComparison.Ordinal);
        });
    }

    private static string ProjectDotnetVersion()
    {
        var props = File.ReadAllText(Repository.PathTo("Directory.Build.props"));
        var tfm = TargetFramework().Match(props);
        Assert.True(tfm.Success, "Directory.Build.props names no netX.Y target framework.");
        return tfm.Groups[1].Value;
    }

    [GeneratedRegex(@"<TargetFramework>net(\d+\.\d+)</TargetFramework>")]
    private static partial Regex TargetFramework();

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject armTemplate) =>
        armTemplate["resources"] is JsonArray array ? array.Select(r => r!.AsObject()) : [];
}
