using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Telemetry;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Telemetry;

/// <summary>The daily purge is a trace of its own: a run span with the counts, a span per batch, and its metrics.</summary>
[Collection(TelemetryGroup.Name)]
[Trait("Category", "Integration")]
public sealed class PurgeTraceTests : IAsyncLifetime
{
    private TracedApp _app = null!;

    public async Task InitializeAsync() => _app = await TracedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PurgeRun_IsOneSpanWithTheCounts_WithASpanPerBatch_AndItsMetrics()
    {
        var (purged, _) = await _app.CreateAsync("Purged");
        var (live, _) = await _app.CreateAsync("Live");
        Assert.IsType<Accepted<DeletePetResponse>>((await _app.Function<DeletePet>().Run(Requests.Empty("DELETE"), purged, default)).Result);

        // An entry left behind by a restore that could not remove it: the purge finds the pet live and discards it.
        await _app.Services.GetRequiredService<IPurgeIndex>().SaveAsync(new PurgeEntry(live, TestPets.Start.AddDays(1), "corr-stale"), default);
        _app.Time.Advance(TimeSpan.FromDays(31));

        Activity timer;
        using (timer = TracedApp.Invocation(nameof(PurgeDeletedPets)))
        {
            await _app.Function<PurgeDeletedPets>().Run(new TimerInfo(), default);
        }

        var spans = _app.Spans();
        var run = Assert.Single(spans, s => s.Source.Name == PetStoreTelemetry.Name && s.DisplayName == "purge run");
        Assert.Equal(timer.SpanId, run.ParentSpanId);
        Assert.Equal((1, 1, 0), Counts(run));
        var batch = Assert.Single(spans, s => s.Source.Name == PetStoreTelemetry.Name && s.DisplayName == "purge batch");
        Assert.Equal(run.SpanId, batch.ParentSpanId);
        Assert.Equal(2, batch.GetTagItem("petstore.purge.entries"));
        Assert.Equal((1, 1, 0), Counts(batch));
        Assert.Contains(spans, s => s.DisplayName == "TableClient.DeleteEntity" && s.ParentSpanId == batch.SpanId);

        const string Entries = PetStoreMetrics.Names.PurgeEntries;
        Assert.Equal(1, _app.Count(Entries, "petstore.purge.outcome", "purged"));
        Assert.Equal(1, _app.Count(Entries, "petstore.purge.outcome", "discarded"));
        Assert.Equal(0, _app.Count(Entries, "petstore.purge.outcome", "kept"));
        var duration = Assert.Single(_app.Points(PetStoreMetrics.Names.PurgeDuration));
        Assert.Equal(1, duration.GetHistogramCount());
        Assert.Null(TracedApp.Attribute(duration, "error.type"));
    }

    [Fact]
    public async Task PurgeRun_ThatFails_IsAFailedSpanAndADurationWithItsErrorType()
    {
        await using var unreachable = await TracedApp.StartAsync(storageReachable: false);

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => unreachable.Function<PurgeDeletedPets>().Run(new TimerInfo(), default));

        var run = Assert.Single(unreachable.Spans(), s => s.DisplayName == "purge run");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        var duration = Assert.Single(unreachable.Points(PetStoreMetrics.Names.PurgeDuration));
        Assert.Equal(typeof(DependencyUnavailableException).FullName, TracedApp.Attribute(duration, "error.type"));
    }

    private static (object?, object?, object?) Counts(Activity span) =>
        (span.GetTagItem("petstore.purge.purged"), span.GetTagItem("petstore.purge.discarded"), span.GetTagItem("petstore.purge.kept"));
}
