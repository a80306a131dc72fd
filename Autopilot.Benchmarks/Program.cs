using Autopilot.Benchmarks.Engine;
using Autopilot.Benchmarks.Limiter;
using BenchmarkDotNet.Running;

const string usage = """
    usage: Autopilot.Benchmarks <command> [options]
      engine [--n 200,2000] [--partitions P] [--activities A] [--orchestrations O] [--polling-ms M] ...
             durable engine throughput on Azure Storage (Azurite) plus the raw queue floor; see `engine --help`
      micro  [BenchmarkDotNet arguments]   BenchmarkDotNet micro-benchmarks (e.g. micro --filter '*')
      limiter [--redis HOST:PORT] [--seconds S] [--in-flight N] [--orgs O]
             cost limiter checks/s on Redis and in memory next to Redis's own round trips; see `limiter --help`
      notify --server URL [--alerts N] [--parallel P] [--alert-minute-ms M]
             alert notification delivery to an in-process receiver: notifications/s, due-to-delivery delay; see `notify --help`
      sql    [--seconds S]               SQL gate throughput (lex+parse+rules+rewrite) on one thread over the test corpora
      load   [--base URL] [--requests N] [--concurrency C]
             the seed's load test against a running deployment: p50/p95/p99 and error rate beside bare /health
    scripts/bench.sh engine [args] starts its own Azurite and runs the engine command;
    scripts/bench.sh limiter [args] starts its own redis-server and runs the limiter command.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

switch (args[0])
{
    case "engine" when args.Skip(1).Any(a => a is "-h" or "--help"):
        Console.WriteLine(EngineBenchmarkOptions.Usage);
        return 0;
    case "engine":
        return await EngineBenchmark.RunAsync(args[1..]);
    case "limiter" when args.Skip(1).Any(a => a is "-h" or "--help"):
        Console.WriteLine(LimiterBenchmarkOptions.Usage);
        return 0;
    case "limiter":
        return await LimiterBenchmark.RunAsync(args[1..]);
    case "load" when args.Skip(1).Any(a => a is "-h" or "--help"):
        Console.WriteLine(Autopilot.Benchmarks.Load.LoadBenchmarkOptions.Usage);
        return 0;
    case "load":
        return await Autopilot.Benchmarks.Load.LoadBenchmark.RunAsync(args[1..]);
    case "notify" when args.Skip(1).Any(a => a is "-h" or "--help"):
        Console.WriteLine(Autopilot.Benchmarks.Notify.NotifyBenchmarkOptions.Usage);
        return 0;
    case "notify":
        return await Autopilot.Benchmarks.Notify.NotifyBenchmark.RunAsync(args[1..]);
    case "sql":
        return Autopilot.Benchmarks.Sql.SqlGateBenchmark.Run(args[1..]);
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmark).Assembly).Run(args[1..]);
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown command '{args[0]}'\n{usage}");
        return 2;
}
