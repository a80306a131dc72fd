using System.Globalization;

namespace Autopilot.Benchmarks.Limiter;

/// <summary>Command line of <c>limiter</c>.</summary>
internal sealed class LimiterBenchmarkOptions
{
    public const string Usage = """
        usage: Autopilot.Benchmarks limiter [options]
          --redis HOST:PORT   Redis to measure (default: $AUTOPILOT_BENCH_REDIS; scripts/bench.sh limiter starts one)
          --seconds 3         length of each measurement, taken in 6 slices interleaved with the others (after a 1 s warm-up)
          --in-flight 64      concurrent calls in the second measurement of each operation
          --orgs 4096         orgs the reservations are spread over (plus one org holding 10,000 entries for the check row)
        """;

    public string? Redis { get; private set; }
    public double Seconds { get; private set; } = 3;
    public int InFlight { get; private set; } = 64;
    public int Orgs { get; private set; } = 4096;

    public static LimiterBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var o = new LimiterBenchmarkOptions { Redis = Environment.GetEnvironmentVariable("AUTOPILOT_BENCH_REDIS") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var v && v > 0
                ? v
                : throw new ArgumentException($"{name} must be a positive integer");
            switch (name)
            {
                case "--redis": o.Redis = Value(); break;
                case "--seconds": o.Seconds = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture) is var s && s > 0 ? s : throw new ArgumentException("--seconds must be positive"); break;
                case "--in-flight": o.InFlight = Int(); break;
                case "--orgs": o.Orgs = Int(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        if (string.IsNullOrWhiteSpace(o.Redis))
        {
            throw new ArgumentException("no Redis: pass --redis HOST:PORT or set AUTOPILOT_BENCH_REDIS (scripts/bench.sh limiter starts its own)");
        }

        return o;
    }
}
