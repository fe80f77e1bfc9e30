using System.Globalization;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using PetStore.Functions.Pets;

namespace PetStore.Bench.Scenarios;

/// <summary>
/// App: the CreatePet function end to end (parse and validate the body, insert the pet, send the reminder
/// message, write the 201). Floor: one raw insert of the same entity and one raw send of the same message.
/// </summary>
internal static class CreateScenario
{
    public const string Name = "create";

    public static async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        await using var app = context.NewApp("create");

        async Task AppCreateAsync(int i, CancellationToken ct)
        {
            var request = app.Request("POST", "/api/pets", jsonBody: Body(i));
            var result = await app.Function<CreatePet>().Run(request, ct);
            if (result.Result is not Created<PetResponse>)
            {
                throw new BenchmarkFailedException($"CreatePet answered {result.Result?.GetType().Name} instead of 201.");
            }

            await result.ExecuteAsync(request.HttpContext);
        }

        async Task FloorCreateAsync(int i, CancellationToken ct)
        {
            var now = DateTimeOffset.UtcNow;
            var id = Guid.CreateVersion7(now).ToString("N");
            await app.FloorPets.AddEntityAsync(
                new TableEntity(id, "pet")
                {
                    ["Name"] = PetName(i),
                    ["Species"] = "cat",
                    ["AgeMonths"] = 3,
                    ["Status"] = "new",
                    ["CreatedAt"] = now,
                    ["UpdatedAt"] = now,
                },
                ct);
            await app.FloorQueue.SendMessageAsync(
                string.Create(CultureInfo.InvariantCulture, $$"""{"petId":"{{id}}","correlationId":"{{Guid.NewGuid():N}}","enqueuedAt":"{{now:O}}"}"""),
                ct);
        }

        // The app creates its tables and queue on first use; warming it up first gives the floor somewhere to write.
        var warmUp = BenchContext.WarmUpCount(options.Creates);
        context.Say($"{Name}: warming up ({warmUp} each)");
        await Load.WarmUpAsync(warmUp, options.Concurrency, AppCreateAsync, FloorCreateAsync, cancellationToken);

        context.Say($"{Name}: {options.Creates} creates per path, concurrency {options.Concurrency}");
        var (appTimings, floorTimings) = await Load.InterleaveAsync(
            options.Creates, options.Rounds, options.Concurrency, AppCreateAsync, FloorCreateAsync, cancellationToken);

        var appStats = appTimings.ToStats("CreatePet function: validate, insert, send the reminder message, write the 201");
        var floorStats = floorTimings.ToStats("raw TableClient.AddEntity + QueueClient.SendMessage (base64)");
        return new ScenarioResult(
            Name,
            options.Creates,
            appStats,
            floorStats,
            null,
            new Target("app/floor >= 0.85", Math.Round(appStats.OpsPerSecond / floorStats.OpsPerSecond, 3), 0.85, AtLeast: true),
            $"concurrency {options.Concurrency}; both paths write to the same table and queue, in alternating rounds",
            CostTargets: [Target.CpuPerOperation(appStats, floorStats, 1.3)]);
    }

    private static string PetName(int i) => string.Create(CultureInfo.InvariantCulture, $"Pet {i}");

    private static string Body(int i) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"name":"{{PetName(i)}}","species":"cat","ageMonths":3}""");
}
