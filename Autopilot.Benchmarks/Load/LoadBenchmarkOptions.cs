using System.Globalization;

namespace Autopilot.Benchmarks.Load;

/// <summary>Command line of <c>load</c>.</summary>
internal sealed class LoadBenchmarkOptions
{
    public const string Usage = """
        usage: Autopilot.Benchmarks load [options]
          --base http://127.0.0.1:8000   the running deployment (scripts/run.sh serves this one)
          --requests 200                 requests per run (the seed's load test: 200)
          --concurrency 10               requests in flight at once (the seed's: 10)
          --org org_load                 tenant of the mixed run (connected to the demo warehouse first)
        Two runs in one invocation: bare GET /health, then the mixed routes round-robin (health, ready, runs list,
        profile trigger, agent question). Reports p50/p95/p99 and the error rate (5xx or transport error) of each;
        exits 1 when the mixed run's p95 exceeds 5000 ms or its error rate 1 % (the seed's pass line).
        """;

    public Uri Base { get; private set; } = new("http://127.0.0.1:8000/");
    public int Requests { get; private set; } = 200;
    public int Concurrency { get; private set; } = 10;
    public string Org { get; private set; } = "org_load";

    public static LoadBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LoadBenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var v && v > 0
                ? v
                : throw new ArgumentException($"{name} must be a positive integer");
            switch (name)
            {
                case "--base": o.Base = new Uri(Value().TrimEnd('/') + "/"); break;
                case "--requests": o.Requests = Int(); break;
                case "--concurrency": o.Concurrency = Int(); break;
                case "--org": o.Org = Value(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        return o;
    }
}
