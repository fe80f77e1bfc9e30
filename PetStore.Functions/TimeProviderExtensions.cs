namespace PetStore.Functions;

internal static class TimeProviderExtensions
{
    /// <summary>
    /// Now, in UTC, cut down to whole milliseconds. Table Storage keeps DateTime values to the tick, but the app
    /// compares stored instants with instants it computed (a purge index entry's due time against the pet's), so
    /// it stores only values that survive every round trip exactly, JSON included.
    /// </summary>
    public static DateTimeOffset GetUtcNowWholeMilliseconds(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
