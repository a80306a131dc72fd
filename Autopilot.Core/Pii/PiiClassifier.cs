using Autopilot.Core.Warehouse;

namespace Autopilot.Core.Pii;

/// <summary>
/// Tags a profiled column as PII: values that match a PII pattern give high confidence; a name that merely suggests
/// PII gives a low-confidence tag for human review.
/// </summary>
public static class PiiClassifier
{
    public const int ValuePatternConfidence = 95;
    public const int NameOnlyConfidence = 50;
    public const string ValuePatternEvidence = "value_pattern";
    public const string NameOnlyEvidence = "name_only";

    /// <summary>Share of sampled non-null values that must match for value evidence to count.</summary>
    public const double ValueMatchThreshold = 0.8;

    // Name terms as token sequences, most specific first so "email_address" is an email and "ip_address" not an
    // address. Terms match whole tokens; a few may also begin a token ("phonenumber", "birthdate") or end one
    // ("telephone", "workemail") — not "mobile" ("automobile") nor short terms, where that would be coincidence.
    private static readonly NameTerm[] NameTerms =
    [
        new(["social", "security"], PiiTypes.Ssn),
        new(["credit", "card"], PiiTypes.CreditCard),
        new(["card", "number"], PiiTypes.CreditCard),
        new(["ip", "address"], PiiTypes.IpAddress),
        new(["e", "mail"], PiiTypes.Email),
        new(["email"], PiiTypes.Email, Prefix: true, Suffix: true),
        new(["phone"], PiiTypes.Phone, Prefix: true, Suffix: true),
        new(["mobile"], PiiTypes.Phone, Prefix: true),
        new(["ssn"], PiiTypes.Ssn),
        new(["passport"], PiiTypes.Passport, Prefix: true),
        new(["dob"], PiiTypes.DateOfBirth),
        new(["birth"], PiiTypes.DateOfBirth, Prefix: true),
        new(["address"], PiiTypes.Address, Prefix: true, Suffix: true),
    ];

    public static PiiTag? Classify(ColumnProfile column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.ValueMatch is { Sampled: > 0 } match
            && (double)match.Matched / match.Sampled >= ValueMatchThreshold)
        {
            return new PiiTag(match.PiiType, ValuePatternConfidence, ValuePatternEvidence);
        }

        return NameSuggests(column.Name) is { } piiType
            ? new PiiTag(piiType, NameOnlyConfidence, NameOnlyEvidence)
            : null;
    }

    /// <summary>The PII type a column name suggests, or null.</summary>
    public static string? NameSuggests(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var tokens = Tokenize(columnName);
        foreach (var term in NameTerms)
        {
            for (var start = 0; start + term.Tokens.Length <= tokens.Count; start++)
            {
                if (term.MatchesAt(tokens, start))
                {
                    return term.PiiType;
                }
            }
        }

        return null;
    }

    // Splits snake_case, kebab-case, dotted and camelCase names into lower-case tokens: "userEmail_v2" → user, email, v2.
    private static List<string> Tokenize(string name)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private sealed record NameTerm(string[] Tokens, string PiiType, bool Prefix = false, bool Suffix = false)
    {
        public bool MatchesAt(List<string> tokens, int start)
        {
            for (var i = 0; i < Tokens.Length; i++)
            {
                var token = tokens[start + i];
                var term = Tokens[i];
                var matches = token == term
                    || (i == Tokens.Length - 1
                        && ((Prefix && token.StartsWith(term, StringComparison.Ordinal))
                            || (Suffix && token.EndsWith(term, StringComparison.Ordinal))));
                if (!matches)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
