using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PetStore.Functions.Http;

/// <summary>
/// The value of an <c>If-Match</c> or <c>If-None-Match</c> header (RFC 9110 §13.1.1, §13.1.2): <c>*</c>, or a
/// comma-separated list of entity tags, possibly over several header lines, with optional whitespace around the
/// commas. Parsed by ASP.NET Core's <see cref="EntityTagHeaderValue"/>.
/// </summary>
internal sealed class EntityTagList
{
    private readonly IReadOnlyList<EntityTagHeaderValue> _tags;

    private EntityTagList(bool isAny, IReadOnlyList<EntityTagHeaderValue> tags)
    {
        IsAny = isAny;
        _tags = tags;
    }

    /// <summary><c>*</c>: any current representation.</summary>
    public bool IsAny { get; }

    /// <summary>The entity tags as sent, each written back in its canonical form (<c>W/"..."</c> or <c>"..."</c>).</summary>
    public IEnumerable<string> Tags => _tags.Select(t => t.ToString());

    /// <summary>Parses a header. An absent or empty header gives null.</summary>
    /// <returns>False when the header is not <c>*</c> or a valid list; <c>*</c> may not be combined with tags.</returns>
    public static bool TryParse(StringValues header, out EntityTagList? list)
    {
        list = null;
        if (StringValues.IsNullOrEmpty(header) || header.All(string.IsNullOrWhiteSpace))
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            return false;
        }

        var any = tags.Any(t => t.Equals(EntityTagHeaderValue.Any));
        if (any && tags.Count > 1)
        {
            return false;
        }

        list = new EntityTagList(any, [.. tags]);
        return true;
    }

    /// <summary>
    /// The weak comparison (RFC 9110 §8.8.3.2), which <c>If-None-Match</c> uses: opaque tags equal, whether or not
    /// either is weak. <paramref name="eTag"/> is a current ETag as the service issued it.
    /// </summary>
    public bool MatchesWeakly(string eTag) =>
        IsAny || (EntityTagHeaderValue.TryParse(eTag, out var current) && _tags.Any(t => t.Compare(current, useStrongComparison: false)));
}
