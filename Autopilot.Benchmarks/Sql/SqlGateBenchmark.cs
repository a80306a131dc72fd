using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Autopilot.Core.Sql;

namespace Autopilot.Benchmarks.Sql;

/// <summary>
/// Gate throughput — lex + parse + rules + rewrite + print — on one thread over the test corpora
/// (Autopilot.Tests/Sql/Corpus), with the demo warehouse's time-filter policies so rewrites happen too.
/// </summary>
internal static partial class SqlGateBenchmark
{
    private static readonly SqlGateContext Context = new(SqlGateOptions.Default, new Dictionary<string, SqlTablePolicy>(StringComparer.OrdinalIgnoreCase)
    {
        ["analytics.users"] = new("created_at", 50_000, 5_000_000),
        ["analytics.events"] = new("timestamp", 1_090_000, 90_000_000),
        ["analytics.orders"] = new("created_at", 200_000, 12_000_000),
        ["analytics.config"] = new(null, 25, 1_000, Partitioned: false),
    });

    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = RepoRoot();
        Console.WriteLine($"SQL gate throughput, one thread, {seconds:0.#} s per corpus (after 1 s warm-up)");
        Console.WriteLine("| corpus | statements | queries/s | µs/query | KiB allocated/query | admitted |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var file in new[] { "benign.sql", "attacks.sql" })
        {
            var corpus = Load(Path.Combine(root, "Autopilot.Tests", "Sql", "Corpus", file));
            Measure(corpus, TimeSpan.FromSeconds(1));
            var (rate, perQuery, allocated, admitted) = Measure(corpus, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"| {file} | {corpus.Count} | {rate:N0} | {perQuery:0.00} | {allocated / 1024.0:0.0} | {admitted}/{corpus.Count} |");
        }

        return 0;
    }

    private static (double Rate, double MicrosPerQuery, double BytesPerQuery, int Admitted) Measure(List<string> corpus, TimeSpan duration)
    {
        var admitted = corpus.Count(sql => SqlGate.Evaluate(sql, Context).Allowed);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long evaluated = 0;
        while (clock.Elapsed < duration)
        {
            foreach (var sql in corpus)
            {
                SqlGate.Evaluate(sql, Context);
            }

            evaluated += corpus.Count;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return (evaluated / elapsed, elapsed * 1e6 / evaluated, (double)allocated / evaluated, admitted);
    }

    /// <summary>The corpus format: statements split by a line "---"; leading "# ..." lines are headers; {U+XXXX} is that character.</summary>
    private static List<string> Load(string path)
    {
        var statements = new List<string>();
        foreach (var block in File.ReadAllText(path).Split("\n---\n").Skip(1))
        {
            var lines = block.Split('\n').SkipWhile(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
            var sql = Escape().Replace(string.Join('\n', lines).TrimEnd('\n'), m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            if (sql.Length > 0)
            {
                statements.Add(sql);
            }
        }

        return statements;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autopilot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Autopilot.sln not found");
    }

    [GeneratedRegex(@"\{U\+([0-9A-Fa-f]{4,6})\}")]
    private static partial Regex Escape();
}
