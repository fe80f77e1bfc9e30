using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PetStore.Functions.Pets;
using PetStore.Functions.Purge;
using PetStore.Functions.Reminders;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Reminders;

/// <summary>
/// Every log line of a background job names the pet and the correlation id of the request behind it: the job's own
/// lines in their message, and lines other components write while the job works (the update loop, the storage
/// adapter) through the scope the job opens.
/// </summary>
public class JobLoggingTests
{
    private readonly App _app = new();

    /// <summary>A property of the record, from its message state or from a scope open when it was written.</summary>
    private static string? Property(FakeLogRecord record, string name) =>
        (record.State as IEnumerable<KeyValuePair<string, string?>>)?.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault()
        ?? record.Scopes.OfType<IEnumerable<KeyValuePair<string, object>>>()
            .SelectMany(scope => scope)
            .Where(p => p.Key == name)
            .Select(p => p.Value?.ToString())
            .FirstOrDefault();

    private static void AssertEveryRecordNames(IReadOnlyList<FakeLogRecord> records, string petId, string correlationId)
    {
        Assert.NotEmpty(records);
        Assert.All(records, record =>
        {
            Assert.Equal(petId, Property(record, "PetId"));
            Assert.Equal(correlationId, Property(record, "CorrelationId"));
        });
    }

    /// <summary>What the storage adapter does on a fault: log a line of its own, knowing nothing of pets or requests.</summary>
    private void LogLikeTheStorageAdapter(PortCall call)
    {
        var logger = _app.Service<ILoggerFactory>().CreateLogger("PetStore.Functions.Storage.TablePetStore");
        logger.Log(LogLevel.Warning, default, $"Table storage answered {call.Operation} slowly", null, (state, _) => state);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task SetFeedingReminder_EveryOutcome_LogsPetAndCorrelationId(bool alreadySet, bool deleted)
    {
        var pet = TestPets.New();
        if (alreadySet)
        {
            pet = pet with { NextFeedingAt = TestPets.Start };
        }

        if (deleted)
        {
            pet = pet.SoftDelete(TestPets.Start, TestPets.Start.AddDays(1));
        }

        _app.Store.Seed(pet);

        await _app.Function<SetFeedingReminder>().ProcessAsync(new ReminderMessage(pet.Id, "corr-9", null).ToJson(), default);

        AssertEveryRecordNames(_app.Logs.GetSnapshot(), pet.Id, "corr-9");
    }

    [Fact]
    public async Task SetFeedingReminder_PetGone_LogsPetAndCorrelationId()
    {
        var id = TestPets.New().Id;

        await _app.Function<SetFeedingReminder>().ProcessAsync(new ReminderMessage(id, "corr-gone", null).ToJson(), default);

        AssertEveryRecordNames(_app.Logs.GetSnapshot(), id, "corr-gone");
    }

    [Fact]
    public async Task SetFeedingReminder_LinesOfOtherComponents_CarryThePetAndCorrelationIdInScope()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        var raced = false;
        _app.Store.BeforeCall = call =>
        {
            LogLikeTheStorageAdapter(call);
            if (call.Operation == "Replace" && !raced)
            {
                raced = true;
                _app.Store.Overwrite(pet with { Name = "Max" });
            }
        };

        await _app.Function<SetFeedingReminder>().ProcessAsync(new ReminderMessage(pet.Id, "corr-race", null).ToJson(), default);

        var records = _app.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Category == typeof(PetUpdater).FullName);
        Assert.Contains(records, r => r.Category == "PetStore.Functions.Storage.TablePetStore");
        AssertEveryRecordNames(records, pet.Id, "corr-race");
    }

    [Fact]
    public async Task PurgeDueAsync_PerPetLines_NameThePetAndTheDeleteRequest()
    {
        var pet = _app.Store.Seed(TestPets.New()).Pet;
        await _app.Service<SoftDeletion>().DeleteAsync(pet.Id, PetPrecondition.None, "delete-req", default);
        _app.Time.Advance(TimeSpan.FromDays(31));
        _app.Logs.Clear();
        _app.Store.BeforeCall = LogLikeTheStorageAdapter;

        await _app.Service<SoftDeletion>().PurgeDueAsync(default);

        // All but the run summary are about one pet: the purge's own line and the adapter's, through the scope.
        var records = _app.Logs.GetSnapshot();
        var summary = Assert.Single(records, r => Property(r, "Purged") is not null);
        Assert.Contains(records, r => r.Category == "PetStore.Functions.Storage.TablePetStore");
        AssertEveryRecordNames([.. records.Where(r => r != summary)], pet.Id, "delete-req");
    }
}
