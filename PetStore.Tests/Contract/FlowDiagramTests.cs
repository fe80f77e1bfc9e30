using System.Text.RegularExpressions;
using PetStore.Functions.Reminders;

using PetStore.Testing;

namespace PetStore.Tests.Contract;

/// <summary>
/// The README's Mermaid flow diagram against the functions the host runs (functions.metadata). In the diagram a
/// node whose id starts with an upper-case letter is a function, declared as
/// <c>Name["Name&lt;br/&gt;trigger ..."]:::function</c>; everything else (tables, queues, the caller, the clock) has a
/// lower-case id.
/// </summary>
public partial class FlowDiagramTests
{
    private static readonly Lazy<string> Diagram = new(() =>
    {
        var root = Repository.Root;
        var blocks = MermaidBlock().Matches(File.ReadAllText(Path.Combine(root, "README.md")));
        return Assert.Single(blocks).Groups["body"].Value;
    });

    public static TheoryData<string> Functions() => [.. FunctionsMetadata.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Diagram_DrawsEachFunctionWithItsTrigger(string name)
    {
        var function = FunctionsMetadata.All.Single(f => f.Name == name);
        var label = Assert.Single(FunctionNodes(), n => n.Id == name).Label;

        var trigger = function.Trigger switch
        {
            "httpTrigger" => $"HTTP {string.Join(", ", function.Methods)} /api/{function.Route}",
            "queueTrigger" => $"queue trigger: {ReminderOptions.DefaultQueueName}",
            "timerTrigger" => $"timer trigger: {function.Schedule}",
            _ => throw new InvalidOperationException($"{name} has a {function.Trigger} the diagram test does not know; add it here and to the README."),
        };
        Assert.Equal($"{name}<br/>{trigger}", label);
    }

    [Fact]
    public void Diagram_NamesNoFunctionThatDoesNotExist()
    {
        var functions = FunctionsMetadata.All.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        var named = NodeId().Matches(Diagram.Value).Select(m => m.Value).Where(id => char.IsAsciiLetterUpper(id[0])).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(named.Except(functions));
        Assert.Equal(functions.Order(StringComparer.Ordinal), FunctionNodes().Select(n => n.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Diagram_DrawsTheStorageTheFunctionsUse()
    {
        foreach (var resource in new[] { "pets table", "petpurgeindex table", "pet-reminders queue", "pet-reminders-poison queue", "02:00 UTC" })
        {
            Assert.Contains(resource, Diagram.Value, StringComparison.Ordinal);
        }
    }

    private static List<(string Id, string Label)> FunctionNodes() =>
        [.. FunctionNode().Matches(Diagram.Value).Select(m => (m.Groups["id"].Value, m.Groups["label"].Value))];

    [GeneratedRegex("```mermaid\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    [GeneratedRegex("""^\s*(?<id>[A-Z][A-Za-z0-9]*)\["(?<label>[^"]*)"\]:::function\s*$""", RegexOptions.Multiline)]
    private static partial Regex FunctionNode();

    // Node ids where they are defined or linked: at the start of a line, or after an arrow or '&'. Quoted labels are
    // left out, so words inside them are not taken for ids.
    [GeneratedRegex("""(?<=^\s*|-->\s*|\.->\s*|&\s*)[A-Za-z][A-Za-z0-9]*(?=[\s\[\(&]|$)""", RegexOptions.Multiline)]
    private static partial Regex NodeId();
}
