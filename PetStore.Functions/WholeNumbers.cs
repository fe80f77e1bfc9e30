namespace PetStore.Functions;

/// <summary>How a number's value relates to a whole-number range.</summary>
internal enum WholeNumberKind
{
    /// <summary>Not a number in JSON's grammar (RFC 8259 §6).</summary>
    NotANumber,

    /// <summary>Its value has a fractional part, however it is written.</summary>
    Fractional,

    /// <summary>A whole number outside the range.</summary>
    OutOfRange,

    /// <summary>A whole number within the range.</summary>
    InRange,
}

/// <summary>
/// Reads a number written in JSON's grammar (RFC 8259 §6: <c>-?int(.frac)?([eE][+-]?digits)?</c>) by its exact
/// decimal value, so that <c>24</c>, <c>24.0</c>, <c>2.4e1</c> and <c>240e-1</c> are all the whole number 24 and
/// <c>1e-400</c> is not 0. Neither <see cref="double"/> (which rounds) nor <see cref="decimal"/> (which underflows to 0
/// and overflows past 28 digits) can tell; the digits and the exponent can, without building huge values.
/// </summary>
internal static class WholeNumbers
{
    /// <summary>Classifies <paramref name="text"/> against [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="value">The number, when the result is <see cref="WholeNumberKind.InRange"/>.</param>
    public static WholeNumberKind Classify(ReadOnlySpan<char> text, long min, long max, out long value)
    {
        value = 0;
        var i = 0;
        var negative = i < text.Length && text[i] == '-';
        if (negative)
        {
            i++;
        }

        var intStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var intDigits = text[intStart..i];
        if (intDigits.Length == 0 || (intDigits.Length > 1 && intDigits[0] == '0'))
        {
            return WholeNumberKind.NotANumber;
        }

        ReadOnlySpan<char> fracDigits = [];
        if (i < text.Length && text[i] == '.')
        {
            var fracStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fracDigits = text[fracStart..i];
            if (fracDigits.Length == 0)
            {
                return WholeNumberKind.NotANumber;
            }
        }

        long exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            var exponentNegative = i < text.Length && text[i] == '-';
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var expStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                // Saturate: past a billion the exponent's exact value changes nothing below.
                exponent = Math.Min(exponent * 10 + (text[i] - '0'), 1_000_000_000);
                i++;
            }

            if (i == expStart)
            {
                return WholeNumberKind.NotANumber;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return WholeNumberKind.NotANumber;
        }

        // value = digits × 10^scale, with the digits' leading and trailing zeros taken out.
        var all = string.Concat(intDigits, fracDigits).AsSpan().TrimStart('0');
        var significant = all.TrimEnd('0');
        var scale = exponent - fracDigits.Length + (all.Length - significant.Length);
        if (significant.IsEmpty)
        {
            return min <= 0 && 0 <= max ? WholeNumberKind.InRange : WholeNumberKind.OutOfRange;
        }

        if (scale < 0)
        {
            return WholeNumberKind.Fractional;
        }

        // Whole. More than 18 digits cannot be in any long range this app uses.
        if (significant.Length + scale > 18)
        {
            return WholeNumberKind.OutOfRange;
        }

        var magnitude = long.Parse(significant, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
        for (var k = 0; k < scale; k++)
        {
            magnitude *= 10;
        }

        var signed = negative ? -magnitude : magnitude;
        if (signed < min || signed > max)
        {
            return WholeNumberKind.OutOfRange;
        }

        value = signed;
        return WholeNumberKind.InRange;
    }
}
