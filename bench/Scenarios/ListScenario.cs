using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: the ListPets function paging through every pet with the largest page size, following each nextLink as a
/// client would. Floor: the same query (pets that are not deleted, same page size) with a raw TableClient,
/// one request per page. Paging is sequential by nature, so each walk is one caller; walks alternate.
/// </summary>
internal static class ListScenario
{
    public const string Name = "list";

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var size = options.ListSize;
        await using var app = context.NewApp("list");
        context.Say($"{Name}: seeding {size} pets");
        await PurgeSeeding.AddLiveAsync(app, size, cancellationToken);

        async Task AppWalkAsync(Timings timings)
        {
            var query = $"?pageSize={ListPetsRequest.MaxPageSize}";
            var seen = 0;
            var latencies = new List<double>();
            var counters = ProcessCounters.Read();
            var walk = Stopwatch.GetTimestamp();
            while (true)
            {
                var begun = Stopwatch.GetTimestamp();
                var request = app.Request("GET", "/api/pets", query);
                var result = await app.Function<ListPets>().Run(request, cancellationToken);
                if (result.Result is not Ok<PetListResponse> { Value: { } page })
                {
                    throw new BenchmarkFailedException($"ListPets answered {result.Result?.GetType().Name} instead of 200.");
                }

                await result.ExecuteAsync(request.HttpContext);
                latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                seen += page.Value.Count;
                if (page.NextLink is null)
                {
                    break;
                }

                query = new Uri(page.NextLink).Query;
            }

            timings.Add(latencies.Count, new Measured(Stopwatch.GetElapsedTime(walk), ProcessCounters.Read().Since(counters), latencies));
            ExpectAll(seen, size, "ListPets");
        }

        async Task FloorWalkAsync(Timings timings)
        {
            var filter = TableClient.CreateQueryFilter($"Status ne {"deleted"}");
            var pages = app.FloorPets.QueryAsync<TableEntity>(filter, ListPetsRequest.MaxPageSize, cancellationToken: cancellationToken)
                .AsPages(pageSizeHint: ListPetsRequest.MaxPageSize);
            var seen = 0;
            var latencies = new List<double>();
            var counters = ProcessCounters.Read();
            var walk = Stopwatch.GetTimestamp();
            await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                var begun = Stopwatch.GetTimestamp();
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }

                latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                seen += enumerator.Current.Values.Count;
            }

            timings.Add(latencies.Count, new Measured(Stopwatch.GetElapsedTime(walk), ProcessCounters.Read().Since(counters), latencies));
            ExpectAll(seen, size, "the raw query");
        }

        // Two walks each with a pause for the JIT after each, for the same reason as Load.WarmUpAsync: one walk leaves
        // the last step of the tiered recompilation to the first measured walk.
        context.Say($"{Name}: warming up (two walks each)");
        for (var walk = 0; walk < 2; walk++)
        {
            await AppWalkAsync(new Timings());
            await FloorWalkAsync(new Timings());
            await Load.SettleAsync(cancellationToken);
        }

        var appTimings = new Timings();
        var floorTimings = new Timings();
        for (var round = 0; round < options.Rounds; round++)
        {
            context.Say($"{Name}: walk {round + 1} of {options.Rounds} through {size} pets, {ListPetsRequest.MaxPageSize} a page");
            if (round % 2 == 0)
            {
                await AppWalkAsync(appTimings);
                await FloorWalkAsync(floorTimings);
            }
            else
            {
                await FloorWalkAsync(floorTimings);
                await AppWalkAsync(appTimings);
            }
        }

        var appStats = appTimings.ToStats($"ListPets function, pageSize={ListPetsRequest.MaxPageSize}, following nextLink; one operation is one page");
        var floorStats = floorTimings.ToStats($"raw TableClient.Query(Status ne 'deleted'), {ListPetsRequest.MaxPageSize} a page");
        return new ScenarioResult(
            Name,
            appStats.Operations,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.85", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.85, AtLeast: true),
            $"{options.Rounds} alternating walks through {size} pets; operations are pages; one caller (paging is sequential)");
    }

    private static void ExpectAll(int seen, int size, string path)
    {
        if (seen != size)
        {
            throw new BenchmarkFailedException($"{path} returned {seen} pets where {size} exist.");
        }
    }
}
