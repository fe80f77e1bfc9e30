using System.Diagnostics;
using System.Text.Json.Nodes;
using PetStore.Functions;
using PetStore.Functions.Pets;
using PetStore.Functions.Reminders;
using PetStore.Functions.Telemetry;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Telemetry;

/// <summary>
/// One create and the reminder it causes form one trace: the request's invocation span, the table insert, the
/// producer span of the queue send (whose context travels in the message), and the job's consumer span with its
/// table read and conditional write, linked to the job's own invocation. What only the host can add (its HTTP and
/// trigger spans above the worker's invocation spans) is outside this test; the invocation spans are started here
/// from the worker's activity source as the worker starts them.
/// </summary>
[Collection(TelemetryGroup.Name)]
[Trait("Category", "Integration")]
public sealed class ReminderTraceTests : IAsyncLifetime
{
    private TracedApp _app = null!;

    public async Task InitializeAsync() => _app = await TracedApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Activity Single(IEnumerable<Activity> spans, ActivityKind kind, string name) =>
        Assert.Single(spans, s => s.Source.Name == PetStoreTelemetry.Name && s.Kind == kind && s.DisplayName == name);

    private Activity ProcessSpan() => Single(_app.Spans(), ActivityKind.Consumer, $"process {_app.QueueName}");

    [Fact]
    public async Task CreateThenDeliver_OneTraceRunsFromTheRequestToTheReminder()
    {
        var (petId, create) = await _app.CreateAsync();
        var message = Assert.Single(await _app.DeliverAllAsync());
        _app.Time.Advance(TimeSpan.FromSeconds(90));
        Activity job;
        using (job = TracedApp.Invocation(nameof(SetFeedingReminder)))
        {
            Assert.Equal(ReminderOutcome.ReminderSet, await _app.Function<SetFeedingReminder>().ProcessAsync(message, default));
        }

        var spans = _app.Spans();
        var send = Single(spans, ActivityKind.Producer, $"send {_app.QueueName}");
        var process = ProcessSpan();
        Assert.Equal(create.SpanId, send.ParentSpanId);
        Assert.Equal(create.TraceId, process.TraceId);
        Assert.Equal(send.SpanId, process.ParentSpanId);
        Assert.Equal(job.Context, Assert.Single(process.Links).Context);
        Assert.NotEqual(create.TraceId, job.TraceId);

        // The storage calls, as the Azure SDK reports them, sit under the span that made them.
        AssertStorageCall(spans, "TableClient.AddEntity", create);
        AssertStorageCall(spans, "QueueClient.SendMessage", send);
        AssertStorageCall(spans, "TableClient.GetEntityIfExists", process);
        AssertStorageCall(spans, "TableClient.UpdateEntity", process);

        Assert.Equal(petId, process.GetTagItem("petstore.pet.id"));
        Assert.Equal("set", process.GetTagItem("petstore.reminder.outcome"));
        Assert.Equal(_app.QueueName, process.GetTagItem("messaging.destination.name"));
        Assert.Equal(send.GetTagItem("messaging.message.conversation_id"), process.GetTagItem("messaging.message.conversation_id"));
        Assert.NotNull(send.GetTagItem("messaging.message.id"));

        var delay = Assert.Single(_app.Points(PetStoreMetrics.Names.ReminderDelay));
        Assert.Equal(1, delay.GetHistogramCount());
        Assert.Equal(90, delay.GetHistogramSum(), precision: 3);
    }

    [Fact]
    public async Task JobLogLines_CarryTheJobsTraceAndSpanIds_AndKeepTheirFields()
    {
        var (petId, _) = await _app.CreateAsync();
        await _app.Function<SetFeedingReminder>().ProcessAsync(Assert.Single(await _app.DeliverAllAsync()), default);

        var process = ProcessSpan();
        var line = Assert.Single(_app.Logs(), log => log.EventId.Id == 2000);
        Assert.Equal(process.TraceId, line.TraceId);
        Assert.Equal(process.SpanId, line.SpanId);
        var fields = line.Attributes!.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal(petId, fields["PetId"]);
        Assert.Equal(process.GetTagItem("messaging.message.conversation_id"), fields["CorrelationId"]);
        Assert.IsType<DateTimeOffset>(fields["NextFeedingAt"]);
    }

    private static void AssertStorageCall(IReadOnlyList<Activity> spans, string name, Activity parent)
    {
        var call = Assert.Single(spans, s => s.DisplayName == name && s.ParentSpanId == parent.SpanId);
        Assert.StartsWith("Azure.", call.Source.Name, StringComparison.Ordinal);
        Assert.Equal(parent.TraceId, call.TraceId);
    }

    [Fact]
    public async Task MessageWithoutTraceFields_ProcessesAndStartsItsOwnTrace()
    {
        var (petId, create) = await _app.CreateAsync();
        var message = JsonNode.Parse(Assert.Single(await _app.DeliverAllAsync()))!.AsObject();
        Assert.True(message.Remove("traceparent"));
        message.Remove("tracestate");

        Assert.Equal(ReminderOutcome.ReminderSet, await _app.Function<SetFeedingReminder>().ProcessAsync(message.ToJsonString(), default));

        var process = ProcessSpan();
        Assert.Equal(default, process.ParentSpanId);
        Assert.NotEqual(create.TraceId, process.TraceId);
        Assert.Empty(process.Links);
        Assert.Equal(petId, process.GetTagItem("petstore.pet.id"));
    }

    public static TheoryData<string> MalformedTraceParents() => new()
    {
        "\"not a traceparent\"",
        "\"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7\"",
        "\"00-00000000000000000000000000000000-00f067aa0ba902b7-01\"",
        "\"00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01\"",
        "\"00-0AF7651916CD43DD8448EB211C80319C-00F067AA0BA902B7-01\"",
        "\"ff-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01\"",
        "\"\"",
        "42",
        "{\"nested\":true}",
        "[\"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01\"]",
        "null",
    };

    [Theory]
    [MemberData(nameof(MalformedTraceParents))]
    public async Task MalformedTraceParent_IsIgnoredAndNeverPoisons(string traceParentJson)
    {
        var (_, create) = await _app.CreateAsync();
        var message = JsonNode.Parse(Assert.Single(await _app.DeliverAllAsync()))!.AsObject();
        message["traceparent"] = JsonNode.Parse(traceParentJson);
        message["tracestate"] = JsonNode.Parse("12");

        Assert.Equal(ReminderOutcome.ReminderSet, await _app.Function<SetFeedingReminder>().ProcessAsync(message.ToJsonString(), default));

        var process = ProcessSpan();
        Assert.Equal(default, process.ParentSpanId);
        Assert.NotEqual(create.TraceId, process.TraceId);
        Assert.Equal(ActivityStatusCode.Unset, process.Status);
    }

    [Fact]
    public async Task TraceState_TravelsWithTheTraceParent()
    {
        using (TracedApp.Invocation("CreatePet", traceState: "vendor=abc"))
        {
            await _app.Function<CreatePet>().Run(Requests.Json("""{"name":"Tess","species":"dog","ageMonths":1}"""), default);
        }

        var message = JsonNode.Parse(Assert.Single(await _app.DeliverAllAsync()))!;
        Assert.Equal("vendor=abc", (string?)message["tracestate"]);

        await _app.Function<SetFeedingReminder>().ProcessAsync(message.ToJsonString(), default);

        Assert.Equal("vendor=abc", ProcessSpan().TraceStateString);
    }

    [Fact]
    public async Task StorageFailure_MarksTheJobsSpanFailedAndTheHostRetries()
    {
        await using var unreachable = await TracedApp.StartAsync(storageReachable: false);
        var message = new ReminderMessage(TestPets.New().Id, "corr-down", TestPets.Start).ToJson();

        await Assert.ThrowsAsync<DependencyUnavailableException>(() => unreachable.Function<SetFeedingReminder>().ProcessAsync(message, default));

        var process = Assert.Single(unreachable.Spans(), s => s.Kind == ActivityKind.Consumer);
        Assert.Equal(ActivityStatusCode.Error, process.Status);
        Assert.Equal(typeof(DependencyUnavailableException).FullName, process.GetTagItem("error.type"));
        Assert.Contains(process.Events, e => e.Name == "exception");
        Assert.Null(process.GetTagItem("petstore.reminder.outcome"));
        Assert.Empty(unreachable.Points(PetStoreMetrics.Names.ReminderMessages));
    }
}
