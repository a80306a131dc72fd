using System.Text.RegularExpressions;

namespace Autopilot.Core.Pii;

/// <summary>
/// Recognizes single values that look like personal data: emails, phone numbers (E.164 or NANP), US SSNs
/// (dashed), payment card numbers (13–19 digits passing Luhn) and IPv4 addresses.
/// </summary>
public static partial class PiiValuePatterns
{
    /// <summary>The types <see cref="Matches"/> can report, in the order ties are broken.</summary>
    public static IReadOnlyList<string> Types { get; } =
        [PiiTypes.Email, PiiTypes.Phone, PiiTypes.Ssn, PiiTypes.CreditCard, PiiTypes.IpAddress];

    /// <summary>True when <paramref name="value"/> (trimmed) looks like a value of <paramref name="piiType"/>.</summary>
    public static bool Matches(string piiType, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.AsSpan().Trim();
        // Long values are free text or documents, not a single identifier; skipping them bounds the regex work.
        if (v.IsEmpty || v.Length > 254)
        {
            return false;
        }

        return piiType switch
        {
            PiiTypes.Email => EmailPattern().IsMatch(v),
            PiiTypes.Phone => IsPhone(v),
            PiiTypes.Ssn => SsnPattern().IsMatch(v),
            PiiTypes.CreditCard => IsCardNumber(v),
            PiiTypes.IpAddress => Ipv4Pattern().IsMatch(v),
            _ => false,
        };
    }

    private static bool IsPhone(ReadOnlySpan<char> value)
    {
        if (!NanpPattern().IsMatch(value) && !E164Pattern().IsMatch(value))
        {
            return false;
        }

        // E.164 allows at most 15 digits; fewer than 8 is an extension or a code, not a number.
        var digits = 0;
        foreach (var c in value)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits is >= 8 and <= 15;
    }

    private static bool IsCardNumber(ReadOnlySpan<char> value)
    {
        if (!CardPattern().IsMatch(value))
        {
            return false;
        }

        // Luhn: double every second digit from the right.
        var sum = 0;
        var doubled = false;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                continue;
            }

            var d = value[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // NANP: optional +1, area code and exchange starting 2–9, separators optional: (415) 555-0143, 415.555.0143.
    [GeneratedRegex(@"^(?:\+?1[ .\-]?)?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .\-]?[2-9][0-9]{2}[ .\-]?[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NanpPattern();

    // E.164 with optional grouping: a leading +, a country code, then digit groups: +44-20-7946-0123, +4915123456789.
    [GeneratedRegex(@"^\+[1-9][0-9]{0,2}(?:[ .\-]?\(?[0-9]{1,5}\)?){1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(@"^[0-9](?:[ \-]?[0-9]){12,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern();
}
