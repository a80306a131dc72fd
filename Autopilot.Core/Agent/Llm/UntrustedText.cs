using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Autopilot.Core.Agent.Llm;

/// <summary>
/// Makes text that nobody vetted (a user's question, a validator's message quoting a model's output) fit to quote in a
/// prompt: control and invisible format characters removed, prompt-control markers (code fences, <c>&lt;|…|&gt;</c> tokens,
/// role tags, lines that open with a role label) stripped, whitespace collapsed to one line, and the length bounded.
/// </summary>
public static partial class UntrustedText
{
    // Stripping one marker can join the halves of another ("<|im_<|x|>start|>"), so stripping repeats until nothing changes.
    private const int MaxPasses = 8;

    public static string Clean(string? text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Bound the work before the regular expressions run; the final bound comes last. Invisible characters go first,
        // so that none can hide inside a marker and rejoin it after the marker pass.
        var current = RemoveInvisible(text.Length > maxLength * 4 ? text[..(maxLength * 4)] : text);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = StripMarkers(current);
            if (next == current)
            {
                break;
            }

            current = next;
        }

        current = Whitespace().Replace(current, " ").Trim();
        return current.Length > maxLength ? current[..maxLength].TrimEnd() : current;
    }

    private static string StripMarkers(string text)
    {
        var result = RoleLabelLine().Replace(text, string.Empty);
        result = SpecialToken().Replace(result, string.Empty);
        result = RoleTag().Replace(result, string.Empty);
        result = InstructionTag().Replace(result, string.Empty);
        result = InlineRoleLabel().Replace(result, string.Empty);
        return result.Replace("```", string.Empty, StringComparison.Ordinal);
    }

    // Every kind of line break becomes '\n' (so role-label lines are seen as lines), other whitespace a space; control,
    // format (zero-width, bidi overrides), private-use and unassigned characters vanish.
    private static string RemoveInvisible(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\v' or '\f' or 0x85 or 0x2028 or 0x2029)
            {
                builder.Append('\n');
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                     or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Whitespace();

    /// <summary>A role label inside a line ("… system: …"): the label goes, the words stay.</summary>
    [GeneratedRegex(@"\b(system|assistant|developer)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InlineRoleLabel();

    /// <summary>A line that opens with a chat role label ("system:", "### Assistant:", "[user]:"): dropped whole.</summary>
    [GeneratedRegex(@"^[ \t>#*\-\[]*(system|assistant|user|developer|tool|function|human|ai)\s*\]?\s*:.*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleLabelLine();

    /// <summary>Special tokens of chat templates: <c>&lt;|im_start|&gt;</c>, <c>&lt;|endoftext|&gt;</c>, <c>&lt;｜…｜&gt;</c>.</summary>
    [GeneratedRegex(@"<\s*[|｜][^<>]{0,64}?[|｜]\s*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpecialToken();

    /// <summary>Role and delimiter tags, opening or closing: <c>&lt;system&gt;</c>, <c>&lt;/assistant&gt;</c>, <c>&lt;question&gt;</c>, <c>&lt;&lt;SYS&gt;&gt;</c>.</summary>
    [GeneratedRegex(@"<{1,2}\s*/?\s*(system|sys|assistant|user|developer|tool|function|instructions?|question|catalog|im_start|im_end|s)\b[^<>]{0,64}>{1,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RoleTag();

    /// <summary>Instruction brackets of some chat templates: <c>[INST]</c>, <c>[/INST]</c>, <c>[SYSTEM_PROMPT]</c>.</summary>
    [GeneratedRegex(@"\[\s*/?\s*(inst|system_prompt|sys)\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InstructionTag();
}
