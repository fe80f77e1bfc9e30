using PetStore.Functions.Purge;
using PetStore.Tests.Fakes;

namespace PetStore.Tests.Storage;

[Trait("Category", "Integration")]
public class TablePurgeIndexTests
{
    [Fact]
    public async Task ListDueAsync_ReturnsOnlyEntriesDueByNowAcrossDays()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var now = new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero);
        PurgeEntry[] due =
        [
            new("a0000000000000000000000000000001", now.AddDays(-3), "c1"),
            new("a0000000000000000000000000000002", now.AddHours(-1), "c2", "W/\"x\""),
            new("a0000000000000000000000000000003", now, "c3"),
        ];
        PurgeEntry[] notDue =
        [
            new("b0000000000000000000000000000001", now.AddMilliseconds(1), "n1"),
            new("b0000000000000000000000000000002", now.AddHours(3), "n2"),
            new("b0000000000000000000000000000003", now.AddDays(2), "n3"),
        ];
        foreach (var entry in due.Concat(notDue))
        {
            await azurite.PurgeIndex.SaveAsync(entry, default);
        }

        var found = new List<PurgeEntry>();
        await foreach (var page in azurite.PurgeIndex.ListDueAsync(now, default))
        {
            found.AddRange(page);
        }

        Assert.Equal(due.OrderBy(e => e.PetId, StringComparer.Ordinal), found.OrderBy(e => e.PetId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemoveAsync_SomeAlreadyGone_RemovesTheRest()
    {
        var azurite = await StoreOnAzurite.CreateAsync();
        var now = TestPets.Start;
        var entries = Enumerable.Range(0, 130).Select(i => new PurgeEntry($"{i:x32}", now.AddMinutes(-i), null)).ToList();
        foreach (var entry in entries)
        {
            await azurite.PurgeIndex.SaveAsync(entry, default);
        }

        await azurite.PurgeIndex.RemoveAsync(entries.Take(10).ToList(), default);
        await azurite.PurgeIndex.RemoveAsync(entries, default);

        var left = 0;
        await foreach (var page in azurite.PurgeIndex.ListDueAsync(now.AddDays(1), default))
        {
            left += page.Count;
        }

        Assert.Equal(0, left);
    }
}
