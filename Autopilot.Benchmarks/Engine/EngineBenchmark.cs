using System.Diagnostics;
using System.Globalization;
using Autopilot.Server.Engine;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Autopilot.Benchmarks.Engine;

/// <summary>
/// Load driver for the self-hosted durable engine (not BenchmarkDotNet: one long measurement per N).
/// Definitions are printed with the figures.
/// </summary>
internal static class EngineBenchmark
{
    private const string MeasuredPrefix = "b-";
    private const string WarmupPrefix = "w-";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        EngineBenchmarkOptions o;
        try
        {
            o = EngineBenchmarkOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"engine: {e.Message}\n{EngineBenchmarkOptions.Usage}");
            return 2;
        }

        var template = Configure(o, "template");
        var label = o.Label ?? $"P={template.PartitionCount} A={template.MaxConcurrentActivities} O={template.MaxConcurrentOrchestrations} poll={template.MaxQueuePollingInterval.TotalMilliseconds.ToString(Inv)}ms" +
            (o.InFlight is { } inFlight ? $" inflight={inFlight.ToString(Inv)}" : string.Empty);
        Console.WriteLine($"# engine benchmark: {label}");
        Console.WriteLine($"engine options: PartitionCount={template.PartitionCount} MaxConcurrentActivities={template.MaxConcurrentActivities} " +
            $"MaxConcurrentOrchestrations={template.MaxConcurrentOrchestrations} MaxQueuePollingInterval={template.MaxQueuePollingInterval} " +
            $"WorkItemVisibilityTimeout={template.WorkItemVisibilityTimeout} ControlQueueVisibilityTimeout={template.ControlQueueVisibilityTimeout} " +
            $"LeaseInterval={template.LeaseInterval} LeaseRenew={template.LeaseRenewInterval} LeaseAcquire={template.LeaseAcquireInterval}");
        Console.WriteLine($"workload: N orchestrations x {o.Chain} sequential trivial activities; {Environment.ProcessorCount} cores; " +
            $"GC={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
        Console.WriteLine("definitions: wall = first schedule call -> last orchestration's final episode committed by the provider;");
        Console.WriteLine($"             work items = activity executions + orchestration completions = N x ({o.Chain} + 1);");
        Console.WriteLine("             floor round trip = send + receive + delete of one small message on one Azurite queue;");
        Console.WriteLine("             ratio = engine work items/s / floor round trips/s.");

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

        var floor = await MeasureFloorAsync(o, "before", cts.Token);
        var rows = new List<string>();
        var failed = false;
        foreach (var n in o.Ns)
        {
            var results = new List<RunResult>();
            for (var rep = 0; rep < o.Repeat; rep++)
            {
                var result = await RunOneAsync(o, n, cts.Token);
                failed |= !result.Ok;
                results.Add(result);
                rows.Add(SummaryRow(o.Repeat > 1 ? $"{label} (run {rep + 1})" : label, n, result, floor));
            }

            if (results.Count > 1)
            {
                var median = results.OrderBy(r => r.OrchPerSecond).ElementAt(results.Count / 2);
                rows.Add(SummaryRow($"{label} (median of {results.Count})", n, median, floor));
            }
        }

        _ = await MeasureFloorAsync(o, "after the engine runs", cts.Token);

        Console.WriteLine();
        Console.WriteLine("## summary (markdown)");
        Console.WriteLine("| configuration | N | wall s | orch/s | work items/s | floor seq rt/s | floor 16-in-flight rt/s | ratio (seq) | ratio (in flight) | worker CPU | Azurite CPU | other CPU | worker CPU ms/orch | Azurite CPU ms/orch | ok |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        return failed ? 1 : 0;
    }

    private static EngineOptions Configure(EngineBenchmarkOptions o, string hub)
    {
        var defaults = new EngineOptions { StorageConnectionString = o.Storage! };
        return new EngineOptions
        {
            StorageConnectionString = o.Storage!,
            TaskHubName = hub,
            PartitionCount = o.Partitions ?? defaults.PartitionCount,
            MaxConcurrentActivities = o.Activities ?? defaults.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = o.Orchestrations ?? defaults.MaxConcurrentOrchestrations,
            MaxQueuePollingInterval = o.PollingMs is { } ms ? TimeSpan.FromMilliseconds(ms) : defaults.MaxQueuePollingInterval,
        };
    }

    private static async Task<(StorageFloor.Result Seq, StorageFloor.Result Par)?> MeasureFloorAsync(
        EngineBenchmarkOptions o, string when, CancellationToken cancellation)
    {
        if (o.FloorMessages <= 0)
        {
            return null;
        }

        var seq = await StorageFloor.MeasureAsync(o.Storage!, o.FloorMessages, 1, cancellation);
        var par = await StorageFloor.MeasureAsync(o.Storage!, o.FloorMessages, o.FloorInFlight, cancellation);
        Console.WriteLine($"storage floor ({when}): {o.FloorMessages} queue round trips sequential {seq.Elapsed.TotalSeconds:F2} s = " +
            $"{seq.RoundTripsPerSecond:F0} rt/s ({seq.RoundTripsPerSecond * 3:F0} HTTP calls/s); {par.InFlight} in flight " +
            $"{par.Elapsed.TotalSeconds:F2} s = {par.RoundTripsPerSecond:F0} rt/s");
        return (seq, par);
    }

    private sealed record RunResult(
        int N, int Completed, int Failed, bool TimedOut, TimeSpan Wall, TimeSpan Schedule, long Activities, long Episodes,
        long EpisodeMessages, int Verified, TimeSpan? LatencyP50, TimeSpan? LatencyP95, TimeSpan WorkerCpu, TimeSpan? AzuriteCpu, TimeSpan? MachineCpu, int Chain)
    {
        public bool Ok => !TimedOut && Failed == 0 && Completed == N && Verified == N;
        public double OrchPerSecond => Completed / Wall.TotalSeconds;
        public double WorkItemsPerSecond => Completed * (Chain + 1) / Wall.TotalSeconds;
    }

    private static async Task<RunResult> RunOneAsync(EngineBenchmarkOptions o, int n, CancellationToken cancellation)
    {
        var hub = "bench" + Guid.NewGuid().ToString("N")[..16];
        var options = Configure(o, hub);
        var logLevel = Enum.Parse<LogLevel>(o.LogLevel, ignoreCase: true);
        Console.WriteLine();
        Console.WriteLine($"## N={n} (task hub {hub})");

        await using var host = new BenchHost(options, MeasuredPrefix, logLevel);
        var startup = Stopwatch.StartNew();
        await host.StartAsync();

        // Warm-up, not timed: connections, partition leases (instances hash over the partitions) and the JIT
        // (partly: the first measured run in a fresh process still pays ~10 ms of worker CPU per orchestration for
        // tiered JIT; measure N twice, e.g. --n 200,200,2000, and read the later runs for the steady state).
        var warmup = o.Warmup ?? Math.Max(40, 4 * options.PartitionCount);
        if (warmup > 0)
        {
            var ids = await Task.WhenAll(Enumerable.Range(0, warmup).Select(i => host.Client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BenchChainOrchestration), new BenchChainInput(i, o.Chain),
                new StartOrchestrationOptions($"{WarmupPrefix}{i}"), cancellation)));
            using var warmupTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            warmupTimeout.CancelAfter(TimeSpan.FromSeconds(120));
            await Task.WhenAll(ids.Select(id => host.Client.WaitForInstanceCompletionAsync(id, false, warmupTimeout.Token)));
        }

        Console.WriteLine($"worker started and {warmup} warm-up orchestrations done in {startup.Elapsed.TotalSeconds:F1} s");

        host.Counter.ResetCounters();
        var done = host.Counter.WhenFinished(n);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var azuriteBefore = AzuriteCpu(o.AzuritePid);
        var machineBefore = MachineLoad.BusyCpu();
        Console.WriteLine($"load average before: {MachineLoad.LoadAverage()}");
        var start = Stopwatch.GetTimestamp();

        var scheduled = 0;
        var reserved = 0;
        var scheduledAllTimestamp = 0L;
        var scheduling = Parallel.ForEachAsync(
            Enumerable.Range(0, n),
            new ParallelOptions { MaxDegreeOfParallelism = o.ScheduleConcurrency, CancellationToken = cancellation },
            async (i, ct) =>
            {
                // The in-flight limit: wait while L orchestrations are started and not finished (the admission queue's
                // job in the service; here the driver holds the waiting work, so only the engine's queues are measured).
                while (o.InFlight is { } limit)
                {
                    var taken = Volatile.Read(ref reserved);
                    if (taken - host.Counter.Completed - host.Counter.Failed < limit && Interlocked.CompareExchange(ref reserved, taken + 1, taken) == taken)
                    {
                        break;
                    }

                    await Task.Delay(2, ct);
                }

                await host.Client.ScheduleNewOrchestrationInstanceAsync(
                    nameof(BenchChainOrchestration), new BenchChainInput(i, o.Chain), new StartOrchestrationOptions($"{MeasuredPrefix}{i}"), ct);
                if (Interlocked.Increment(ref scheduled) == n)
                {
                    Interlocked.Exchange(ref scheduledAllTimestamp, Stopwatch.GetTimestamp());
                }
            });

        var deadline = TimeSpan.FromSeconds(o.TimeoutSeconds);
        var lastCompleted = 0;
        var timedOut = false;
        while (!done.IsCompleted)
        {
            var tick = Task.Delay(TimeSpan.FromSeconds(5), cancellation);
            await Task.WhenAny(done, tick, scheduling.IsFaulted ? scheduling : tick);
            if (scheduling.IsFaulted)
            {
                await scheduling; // surfaces the scheduling error
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!done.IsCompleted)
            {
                var completed = host.Counter.Completed;
                Console.WriteLine($"  t={elapsed.TotalSeconds,6:F1}s scheduled {Volatile.Read(ref scheduled),5}/{n} completed {completed,5}/{n} " +
                    $"(+{completed - lastCompleted} in 5 s) activities {host.Counter.Activities} episodes {host.Counter.Episodes} failed {host.Counter.Failed}");
                lastCompleted = completed;
            }

            if (elapsed > deadline && !done.IsCompleted)
            {
                timedOut = true;
                Console.WriteLine($"  timeout after {o.TimeoutSeconds} s: reporting partial figures");
                break;
            }
        }

        await Task.WhenAny(scheduling, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        var lastTimestamp = host.Counter.LastCompletionTimestamp;
        var wall = timedOut || lastTimestamp == 0 ? Stopwatch.GetElapsedTime(start) : Stopwatch.GetElapsedTime(start, lastTimestamp);
        var workerCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var azuriteCpu = AzuriteCpu(o.AzuritePid) - azuriteBefore;
        var machineCpu = MachineLoad.BusyCpu() - machineBefore;

        // Verify outside the timed window: every measured instance Completed with output = input + chain.
        var (verified, p50, p95) = await VerifyAsync(host.Client, n, o.Chain, cancellation);

        var result = new RunResult(n, host.Counter.Completed, host.Counter.Failed, timedOut, wall, scheduledAllTimestamp == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, Interlocked.Read(ref scheduledAllTimestamp)),
            host.Counter.Activities, host.Counter.Episodes, host.Counter.EpisodeMessages, verified, p50, p95, workerCpu, azuriteCpu, machineCpu, o.Chain);
        Print(result);

        await host.StopAndDeleteHubAsync(deleteHub: !o.KeepHub);
        return result;
    }

    private static async Task<(int Verified, TimeSpan? P50, TimeSpan? P95)> VerifyAsync(
        DurableTaskClient client, int n, int chain, CancellationToken cancellation)
    {
        var verified = 0;
        var latencies = new List<TimeSpan>(n);
        var query = new OrchestrationQuery { InstanceIdPrefix = MeasuredPrefix, FetchInputsAndOutputs = true, PageSize = 100 };
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellation))
        {
            if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                continue;
            }

            var input = instance.ReadInputAs<BenchChainInput>();
            if (input is not null && instance.ReadOutputAs<int>() == input.Start + chain)
            {
                verified++;
            }

            latencies.Add(instance.LastUpdatedAt - instance.CreatedAt);
        }

        if (latencies.Count == 0)
        {
            return (verified, null, null);
        }

        latencies.Sort();
        return (verified, latencies[latencies.Count / 2], latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.95))]);
    }

    private static void Print(RunResult r)
    {
        Console.WriteLine($"result N={r.N}: {(r.Ok ? "OK" : "INCOMPLETE")} completed {r.Completed}/{r.N}, failed {r.Failed}, " +
            $"verified (Completed with output = input + {r.Chain}) {r.Verified}/{r.N}");
        Console.WriteLine($"  wall time (first schedule -> last completion): {r.Wall.TotalSeconds:F2} s; all {r.N} scheduled after {r.Schedule.TotalSeconds:F2} s");
        Console.WriteLine($"  orchestrations/s: {r.OrchPerSecond:F2}");
        Console.WriteLine($"  work items/s: {r.WorkItemsPerSecond:F1}  (work items = activity executions + orchestration completions = {r.Completed} x {r.Chain + 1})");
        Console.WriteLine($"  counted by the worker: {r.Activities} activity executions, {r.Episodes} orchestration episodes " +
            $"({r.Episodes / r.Wall.TotalSeconds:F1}/s, {(r.Episodes == 0 ? 0 : (double)r.EpisodeMessages / r.Episodes):F2} messages per episode)");
        Console.WriteLine($"  instance latency (created -> last update): p50 {Fmt(r.LatencyP50)} p95 {Fmt(r.LatencyP95)}");
        Console.WriteLine($"  CPU during the run: worker {r.WorkerCpu.TotalSeconds:F1} s ({r.WorkerCpu / r.Wall * 100:F0}% of one core)" +
            (r.AzuriteCpu is { } az ? $", Azurite {az.TotalSeconds:F1} s ({az / r.Wall * 100:F0}% of one core)" : string.Empty) +
            (r.MachineCpu is { } m
                ? $"; whole machine busy {m.TotalSeconds:F1} s ({m / r.Wall * 100:F0}% of one core, all = {Environment.ProcessorCount * 100}%), " +
                  $"other processes {(m - r.WorkerCpu - (r.AzuriteCpu ?? TimeSpan.Zero)).TotalSeconds:F1} s"
                : string.Empty));
        Console.WriteLine($"  CPU per orchestration: worker {PerOrch(r.WorkerCpu, r.Completed)} ms, Azurite {PerOrch(r.AzuriteCpu, r.Completed)} ms " +
            "(Azurite is one Node.js event loop: 1000 ms / its figure is the storage-bound ceiling in orch/s)");
    }

    private static string PerOrch(TimeSpan? cpu, int completed) =>
        cpu is { } c && completed > 0 ? (c.TotalMilliseconds / completed).ToString("F1", Inv) : "-";

    private static string Fmt(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:F1} s" : "-";

    private static string Pct(TimeSpan? cpu, TimeSpan wall) => cpu is { } c ? (c / wall * 100).ToString("F0", Inv) + "%" : "-";

    private static string SummaryRow(string label, int n, RunResult r, (StorageFloor.Result Seq, StorageFloor.Result Par)? floor)
    {
        var seq = floor?.Seq.RoundTripsPerSecond;
        var par = floor?.Par.RoundTripsPerSecond;
        return string.Create(Inv, $"| {label} | {n} | {r.Wall.TotalSeconds:F1} | {r.OrchPerSecond:F1} | {r.WorkItemsPerSecond:F0} | " +
            $"{(seq is { } s ? s.ToString("F0", Inv) : "-")} | {(par is { } p ? p.ToString("F0", Inv) : "-")} | " +
            $"{(seq is { } s2 ? (r.WorkItemsPerSecond / s2).ToString("F3", Inv) : "-")} | {(par is { } p2 ? (r.WorkItemsPerSecond / p2).ToString("F3", Inv) : "-")} | " +
            $"{Pct(r.WorkerCpu, r.Wall)} | {Pct(r.AzuriteCpu, r.Wall)} | {Pct(r.MachineCpu - r.WorkerCpu - r.AzuriteCpu, r.Wall)} | " +
            $"{PerOrch(r.WorkerCpu, r.Completed)} | {PerOrch(r.AzuriteCpu, r.Completed)} | " +
            $"{(r.Ok ? "yes" : r.TimedOut ? "timeout" : "no")} |");
    }

    /// <summary>utime + stime of a process from /proc (Linux; USER_HZ = 100).</summary>
    private static TimeSpan? AzuriteCpu(int? pid)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], Inv) + long.Parse(fields[12], Inv) + long.Parse(fields[13], Inv) + long.Parse(fields[14], Inv);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
