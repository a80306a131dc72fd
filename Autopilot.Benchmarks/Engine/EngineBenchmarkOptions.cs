using System.Globalization;

namespace Autopilot.Benchmarks.Engine;

/// <summary>Command line of <c>engine</c>. Unset engine knobs keep the server's <c>EngineOptions</c> defaults.</summary>
internal sealed class EngineBenchmarkOptions
{
    public const string Usage = """
        usage: Autopilot.Benchmarks engine [options]
          --n 200,2000            orchestrations per measurement (one fresh task hub each)
          --partitions P          EngineOptions.PartitionCount            (default: server default)
          --activities A          EngineOptions.MaxConcurrentActivities    (default: server default)
          --orchestrations O      EngineOptions.MaxConcurrentOrchestrations (default: server default)
          --polling-ms M          EngineOptions.MaxQueuePollingInterval in ms (default: server default)
          --chain 5               sequential activities per orchestration
          --repeat 1              measurements per N (fresh task hub each; a median row is added)
          --timeout 600           seconds allowed per N before giving up (partial figures are printed)
          --warmup W              warm-up orchestrations before timing (default max(40, 4 x partitions))
          --schedule-concurrency 16   schedule calls in flight
          --inflight L            at most L orchestrations started and not finished (the service-wide in-flight
                                  limit, MAX_INFLIGHT_WORKFLOWS): the rest wait in the driver and start as others
                                  finish (default: all N at once)
          --floor-messages 2000   queue round trips for the storage floor (0 = skip the floor)
          --floor-inflight 16     concurrent round trips in the second floor measurement
          --keep-hub              keep the task hub's queues/tables/blobs afterwards (default: delete)
          --azurite-pid PID       also report Azurite's CPU time (read from /proc)
          --label TEXT            configuration label for the summary table
          --storage CONN          storage connection string (default: $AUTOPILOT_BENCH_STORAGE)
          --log-level Warning     provider/worker log level
        """;

    public IReadOnlyList<int> Ns { get; private set; } = [200, 2000];
    public int? Partitions { get; private set; }
    public int? Activities { get; private set; }
    public int? Orchestrations { get; private set; }
    public int? PollingMs { get; private set; }
    public int Chain { get; private set; } = 5;
    public int TimeoutSeconds { get; private set; } = 600;
    public int Repeat { get; private set; } = 1;
    public int? Warmup { get; private set; }
    public int ScheduleConcurrency { get; private set; } = 16;
    public int? InFlight { get; private set; }
    public int FloorMessages { get; private set; } = 2000;
    public int FloorInFlight { get; private set; } = 16;
    public bool KeepHub { get; private set; }
    public int? AzuritePid { get; private set; }
    public string? Label { get; private set; }
    public string? Storage { get; private set; }
    public string LogLevel { get; private set; } = "Warning";

    public static EngineBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var o = new EngineBenchmarkOptions { Storage = Environment.GetEnvironmentVariable("AUTOPILOT_BENCH_STORAGE") };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value");
            int Int() => int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture) is var v && v > 0
                ? v
                : throw new ArgumentException($"{name} must be a positive integer");
            switch (name)
            {
                case "--n":
                    o.Ns = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--partitions": o.Partitions = Int(); break;
                case "--activities": o.Activities = Int(); break;
                case "--orchestrations": o.Orchestrations = Int(); break;
                case "--polling-ms": o.PollingMs = Int(); break;
                case "--chain": o.Chain = Int(); break;
                case "--timeout": o.TimeoutSeconds = Int(); break;
                case "--repeat": o.Repeat = Int(); break;
                case "--warmup": o.Warmup = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                case "--schedule-concurrency": o.ScheduleConcurrency = Int(); break;
                case "--inflight": o.InFlight = Int(); break;
                case "--floor-messages": o.FloorMessages = int.Parse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                case "--floor-inflight": o.FloorInFlight = Int(); break;
                case "--keep-hub": o.KeepHub = true; break;
                case "--azurite-pid": o.AzuritePid = Int(); break;
                case "--label": o.Label = Value(); break;
                case "--storage": o.Storage = Value(); break;
                case "--log-level": o.LogLevel = Value(); break;
                default: throw new ArgumentException($"unknown option {name}");
            }
        }

        if (string.IsNullOrWhiteSpace(o.Storage))
        {
            throw new ArgumentException("no storage: pass --storage or set AUTOPILOT_BENCH_STORAGE (scripts/bench.sh does)");
        }

        if (o.Ns.Count == 0 || o.Ns.Any(n => n <= 0))
        {
            throw new ArgumentException("--n needs positive counts");
        }

        return o;
    }
}
