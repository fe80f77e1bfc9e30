using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PetStore.Functions.Purge;

namespace PetStore.Functions.Storage;

/// <summary>
/// A purge index row, keyed by when it falls due: PartitionKey is the due day (yyyyMMdd) and RowKey the due
/// instant followed by the pet id. "Everything due by now" is then one key-range query that reads only due
/// rows, however many live pets the pets table holds, and rows of one day can be deleted in batches.
/// </summary>
internal sealed class PurgeEntryEntity : ITableEntity
{
    private const string DayFormat = "yyyyMMdd";
    private const string InstantFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string PetId { get; set; } = "";

    public DateTimeOffset PurgeAt { get; set; }

    public string? CorrelationId { get; set; }

    public string? PetETag { get; set; }

    public static PurgeEntryEntity FromEntry(PurgeEntry entry) => new()
    {
        PartitionKey = DayKey(entry.PurgeAt),
        RowKey = RowKeyOf(entry),
        PetId = entry.PetId,
        PurgeAt = entry.PurgeAt,
        CorrelationId = entry.CorrelationId,
        PetETag = entry.PetETag,
    };

    public PurgeEntry ToEntry() => new(PetId, PurgeAt, CorrelationId, PetETag);

    public static string DayKey(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string RowKeyOf(PurgeEntry entry) =>
        entry.PurgeAt.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture) + "_" + entry.PetId;

    /// <summary>
    /// The smallest RowKey that is not due at <paramref name="now"/>: a row is due when its instant is at or
    /// before now, and "_" (after the instant) sorts below "`", so every due row of the day sorts below this.
    /// </summary>
    public static string FirstRowKeyNotDue(DateTimeOffset now) =>
        now.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture) + "`";
}
