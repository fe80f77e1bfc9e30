namespace PetStore.Functions.Pets;

/// <summary>Pet ids are time-ordered (UUIDv7) 32-character lower-case hex strings: opaque, URL-safe and sortable.</summary>
internal static class PetIds
{
    public const int Length = 32;

    public static string New(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
    }

    /// <summary>
    /// True only for strings that could have been issued by <see cref="New"/>. Anything else cannot name a pet,
    /// so callers answer 404 without touching storage and never build a query from it.
    /// </summary>
    public static bool IsWellFormed(string? id)
    {
        if (id is not { Length: Length })
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
