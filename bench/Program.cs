using PetStore.Bench;
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

var report = await BenchmarkRunner.RunAsync(options, Console.Error, cancel.Token);
Console.WriteLine(ReportTable.Render(report));

var jsonPath = options.JsonPath
    ?? Repository.PathTo("bench", "results", $"bench-{report.StartedAt:yyyyMMdd-HHmmss}.json");
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(jsonPath))!);
await File.WriteAllTextAsync(jsonPath, report.ToJson(), cancel.Token);
Console.WriteLine($"JSON: {jsonPath}");
return 0;
