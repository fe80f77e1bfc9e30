using System.Text.Json;

namespace PetStore.Tests.Contract;

/// <summary>One function as the generated functions.metadata declares it to the host.</summary>
/// <param name="Trigger">The trigger binding's type: <c>httpTrigger</c>, <c>queueTrigger</c>, <c>timerTrigger</c>.</param>
/// <param name="Route">The HTTP route under the host's <c>/api</c> prefix, for an HTTP trigger.</param>
/// <param name="Methods">The HTTP methods in upper case, for an HTTP trigger.</param>
/// <param name="EntryPoint">The method the worker invokes: <c>Namespace.Class.Run</c>.</param>
internal sealed record DeclaredFunction(string Name, string EntryPoint, string Trigger, string? Route, IReadOnlyList<string> Methods, string? AuthLevel, string? Schedule, string? QueueName);

/// <summary>The functions.metadata the Functions SDK generates at build time: what the host will run.</summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyList<DeclaredFunction> All { get; } = Load();

    public static IEnumerable<DeclaredFunction> Http => All.Where(f => f.Trigger == "httpTrigger");

    /// <summary>Every function's entry point, as theory data.</summary>
    public static TheoryData<string> EntryPoints() => [.. All.Select(f => f.EntryPoint)];

    private static List<DeclaredFunction> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string? Text(string name) => trigger.TryGetProperty(name, out var value) ? value.GetString() : null;
            var methods = trigger.TryGetProperty("methods", out var list)
                ? list.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList()
                : [];
            return new DeclaredFunction(
                function.GetProperty("name").GetString()!,
                function.GetProperty("entryPoint").GetString()!,
                trigger.GetProperty("type").GetString()!,
                Text("route"),
                methods,
                Text("authLevel"),
                Text("schedule"),
                Text("queueName"));
        })];
    }
}
