using System.Text.Json;

namespace PetStore.Tests.Contract;

/// <summary>
/// Checks the functions.metadata the Functions SDK generates at build time: it is what the host reads to wire
/// triggers, so a renamed route, a changed schedule or a wrong connection name fails here rather than in Azure.
/// </summary>
public class FunctionMetadataTests
{
    private static readonly Dictionary<string, JsonElement> Functions = Load();

    private static Dictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static JsonElement Trigger(string function) =>
        Functions[function].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void Metadata_ListsExactlyTheAppsFunctions()
    {
        Assert.Equal(
            ["CreatePet", "DeletePet", "GetOpenApiDocument", "GetPet", "ListPets", "PurgeDeletedPets", "RestorePet", "SetFeedingReminder", "UpdatePet"],
            Functions.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CreatePet", "pets", "post")]
    [InlineData("ListPets", "pets", "get")]
    [InlineData("GetPet", "pets/{id}", "get")]
    [InlineData("UpdatePet", "pets/{id}", "patch,put")]
    [InlineData("DeletePet", "pets/{id}", "delete")]
    [InlineData("RestorePet", "pets/{id}/restore", "post")]
    public void HttpFunction_HasRouteMethodsAndFunctionKeyAuthorization(string function, string route, string methods)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal(methods.Split(','), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Contains(Functions[function].GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == "http" && b.GetProperty("direction").GetString() == "Out");
    }

    [Fact]
    public void GetOpenApiDocument_IsAnonymousGetOfOpenApiJson()
    {
        var trigger = Trigger("GetOpenApiDocument");

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("openapi.json", trigger.GetProperty("route").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));

        // Tools fetch the description without a key; the README says why that is safe.
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void SetFeedingReminder_IsTriggeredByTheReminderQueueOnThePetStorageConnection()
    {
        var trigger = Trigger("SetFeedingReminder");

        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        // The host resolves the name from the app setting Reminders__QueueName, the same setting the sender reads.
        Assert.Equal("%Reminders:QueueName%", trigger.GetProperty("queueName").GetString());
        Assert.Equal("PetStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void PurgeDeletedPets_RunsDailyAtTwoUtc()
    {
        var trigger = Trigger("PurgeDeletedPets");

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("0 0 2 * * *", trigger.GetProperty("schedule").GetString());
    }

    [Fact]
    public void Metadata_EntryPointsAreTheFunctionClassesRunMethods()
    {
        Assert.All(Functions, f => Assert.Equal(
            $"PetStore.Functions.{f.Key switch { "SetFeedingReminder" => "Reminders", "PurgeDeletedPets" => "Purge", "GetOpenApiDocument" => "OpenApi", _ => "Pets" }}.{f.Key}.Run",
            f.Value.GetProperty("entryPoint").GetString()));
    }
}
