namespace PetStore.Functions;

internal static class Clock
{
    /// <summary>
    /// Now, in UTC, cut to whole milliseconds: every timestamp the app stores then survives a storage round trip
    /// exactly, so stored times can be compared for equality (the purge index relies on that).
    /// </summary>
    public static DateTimeOffset UtcNow(this TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
