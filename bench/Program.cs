using PetStore.Bench;
using PetStore.Bench.Startup;
using PetStore.Testing;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (options.Startup)
{
    var startup = await StartupBenchmark.RunAsync(options, Console.Error, cancel.Token);
    Console.WriteLine(startup.Render());
    var startupJson = options.JsonPath
        ?? Repository.PathTo("bench", "results", $"startup-{startup.StartedAt:yyyyMMdd-HHmmss}.json");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(startupJson))!);
    await File.WriteAllTextAsync(startupJson, startup.ToJson(), cancel.Token);
    Console.WriteLine($"JSON: {startupJson}");
    return 0;
}

var report = await BenchmarkRunner.RunAsync(options, Console.Error, cancel.Token);
Console.WriteLine(ReportTable.Render(report));

var jsonPath = options.JsonPath
    ?? Repository.PathTo("bench", "results", $"bench-{report.StartedAt:yyyyMMdd-HHmmss}.json");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
await File.WriteAllTextAsync(jsonPath, report.ToJson(), cancel.Token);
Console.WriteLine($"JSON: {jsonPath}");
return 0;
