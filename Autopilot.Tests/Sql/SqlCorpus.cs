using System.Globalization;
using System.Text.RegularExpressions;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Sql;

/// <summary>
/// Reads a corpus file of Corpus/: statements separated by lines holding only "---", the text before the first one a
/// preamble; "# category:" and "# expect:" lines opening a block set the category and expected rule ids for it and the
/// blocks after it; "{U+XXXX}" stands for that character.
/// </summary>
internal static partial class SqlCorpus
{
    public static IReadOnlyList<SqlCorpusEntry> Attacks { get; } = Load("attacks.sql");

    public static IReadOnlyList<SqlCorpusEntry> Benign { get; } = Load("benign.sql");

    public static IReadOnlyList<SqlCorpusEntry> Load(string file)
    {
        var path = Path.Combine(TestEnvironment.RepoRoot, "Autopilot.Tests", "Sql", "Corpus", file);
        var lines = File.ReadAllText(path).Split('\n');
        var entries = new List<SqlCorpusEntry>();
        var category = string.Empty;
        IReadOnlyList<string> expect = [];
        var block = new List<string>();
        var blockLine = 0;
        var preamble = true;
        for (var i = 0; i <= lines.Length; i++)
        {
            if (i < lines.Length && lines[i] != "---")
            {
                if (block.Count == 0)
                {
                    blockLine = i + 1;
                }

                block.Add(lines[i]);
                continue;
            }

            if (!preamble)
            {
                while (block.Count > 0 && (block[0].StartsWith("# category:", StringComparison.Ordinal) || block[0].StartsWith("# expect:", StringComparison.Ordinal)))
                {
                    if (block[0].StartsWith("# category:", StringComparison.Ordinal))
                    {
                        category = block[0]["# category:".Length..].Trim();
                    }
                    else
                    {
                        expect = block[0]["# expect:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    }

                    block.RemoveAt(0);
                    blockLine++;
                }

                var sql = Unescape(string.Join('\n', block).TrimEnd('\n'));
                if (sql.Length > 0)
                {
                    entries.Add(new SqlCorpusEntry(file, blockLine, category, expect, sql));
                }
            }

            preamble = false;
            block.Clear();
        }

        return entries;
    }

    private static string Unescape(string text) =>
        CodePoint().Replace(text, m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\{U\+([0-9A-F]{4,6})\}")]
    private static partial Regex CodePoint();
}
