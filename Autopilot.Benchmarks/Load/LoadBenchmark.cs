using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Autopilot.Benchmarks.Load;

/// <summary>
/// The seed's load test (OPS-3) against a running deployment: a bare <c>/health</c> run as the floor, then mixed routes,
/// each request timed end to end over HTTP. Both runs use the same client, requests and concurrency, so the difference
/// is what the routes cost.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly TimeSpan PassP95 = TimeSpan.FromSeconds(5);
    private const double PassErrorRate = 0.01;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = LoadBenchmarkOptions.Parse(args);
        using var http = new HttpClient { BaseAddress = options.Base, Timeout = TimeSpan.FromSeconds(60) };
        using (var connect = Request(HttpMethod.Post, "api/v1/connectors/bigquery", options.Org, "admin", $$"""{"org_id":"{{options.Org}}"}"""))
        {
            HttpResponseMessage connected;
            try
            {
                connected = await http.SendAsync(connect);
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"no deployment answers at {options.Base} ({ex.HttpRequestError}): start one with ./scripts/run.sh, or pass --base URL");
                return 2;
            }

            using (connected)
            {
                if (!connected.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync($"could not connect {options.Org} at {options.Base}: HTTP {(int)connected.StatusCode}");
                    return 2;
                }
            }
        }

        Func<int, HttpRequestMessage>[] mixed =
        [
            _ => new HttpRequestMessage(HttpMethod.Get, "health"),
            _ => new HttpRequestMessage(HttpMethod.Get, "ready"),
            _ => Request(HttpMethod.Get, $"api/v1/workflows/runs?org_id={options.Org}", options.Org, "member"),
            _ => Request(HttpMethod.Post, $"api/v1/workflows/profile?org_id={options.Org}&wait_seconds=0", options.Org, "member"),
            i => Request(HttpMethod.Post, "api/v1/agent/run", options.Org, "member",
                $$"""{"org_id":"{{options.Org}}","user_id":"load","message":"show me daily active users","session_id":"load-{{i}}"}"""),
        ];

        var floor = await MeasureAsync(http, options, _ => new HttpRequestMessage(HttpMethod.Get, "health"));
        var mix = await MeasureAsync(http, options, i => mixed[i % mixed.Length](i));
        Console.WriteLine($"load test of {options.Base} — {options.Requests} requests, concurrency {options.Concurrency}");
        Console.WriteLine(floor.Describe("GET /health"));
        Console.WriteLine(mix.Describe("mixed routes"));
        var passed = mix.P95 <= PassP95 && mix.ErrorRate <= PassErrorRate;
        Console.WriteLine(passed ? "PASS (mixed p95 ≤ 5000 ms, errors ≤ 1 %)" : "FAIL (mixed p95 > 5000 ms or errors > 1 %)");
        return passed ? 0 : 1;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string org, string role, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Tenant-Id", org);
        request.Headers.Add("X-User-Role", role);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static async Task<LoadResult> MeasureAsync(HttpClient http, LoadBenchmarkOptions options, Func<int, HttpRequestMessage> next)
    {
        var latencies = new TimeSpan[options.Requests];
        var errors = 0;
        var counter = -1;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref counter); i < options.Requests; i = Interlocked.Increment(ref counter))
            {
                using var request = next(i);
                var clock = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    if ((int)response.StatusCode >= 500)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[i] = clock.Elapsed;
            }
        }));
        return new LoadResult([.. latencies.Order()], errors, wall.Elapsed);
    }

    private sealed record LoadResult(IReadOnlyList<TimeSpan> Sorted, int Errors, TimeSpan Wall)
    {
        public TimeSpan P95 => Percentile(0.95);

        public double ErrorRate => (double)Errors / Sorted.Count;

        public string Describe(string label) => string.Create(CultureInfo.InvariantCulture,
            $"{label,-14} p50 {Percentile(0.50).TotalMilliseconds,7:F1} ms  p95 {P95.TotalMilliseconds,7:F1} ms  p99 {Percentile(0.99).TotalMilliseconds,7:F1} ms  errors {ErrorRate:P1}  {Sorted.Count / Wall.TotalSeconds,6:F1} req/s");

        // Nearest rank: the smallest latency with at least p of the requests at or below it.
        private TimeSpan Percentile(double p) => Sorted[Math.Max(0, (int)Math.Ceiling(p * Sorted.Count) - 1)];
    }
}
