using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Autopilot.Benchmarks.Notify;

/// <summary>Alert notification delivery against a local receiver: notifications/s and due-to-delivery delay (issue 12's figures).</summary>
public static class NotifyBenchmark
{
    private const string KeyHeader = "Idempotency-Key";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = NotifyBenchmarkOptions.Parse(args);
        var arrivals = new ConcurrentQueue<(string Hook, string Key, string AlertId, long At, int Status)>();
        var failedOnce = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/hook/{name}", async (HttpContext http, string name) =>
        {
            var at = clock.ElapsedTicks;
            var body = await JsonNode.ParseAsync(http.Request.Body);
            var key = http.Request.Headers[KeyHeader].ToString();
            var alertId = body?["alert_id"]?.GetValue<string>() ?? body?["blocks"]?[2]?["elements"]?[0]?["text"]?.GetValue<string>().Split("alert ")[1] ?? "";
            var status = name == "flaky" && failedOnce.TryAdd(key, 0) ? 500 : 200;
            arrivals.Enqueue((name, key, alertId, at, status));
            return Results.StatusCode(status);
        });
        await receiver.StartAsync();
        var hooks = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook/");

        using var http = new HttpClient { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(60) };
        var tenant = $"org_bench{Guid.NewGuid():N}"[..20];
        http.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
        http.DefaultRequestHeaders.Add("X-User-Role", "admin");
        var routing = await http.PostAsJsonAsync("api/v1/alerts/routing", new JsonObject
        {
            ["org_id"] = tenant,
            ["routing"] = new JsonObject
            {
                ["channels"] = new JsonArray(
                    new JsonObject { ["type"] = "webhook", ["target"] = hooks + "a", ["secret"] = "bench-secret-0123456789" },
                    new JsonObject { ["type"] = "webhook", ["target"] = hooks + "b", ["secret"] = "bench-secret-0123456789" },
                    new JsonObject { ["type"] = "slack", ["target"] = hooks + "flaky" }),
            },
        });
        routing.EnsureSuccessStatusCode();

        var raisedAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var start = clock.ElapsedTicks;
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Alerts), new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (i, ct) =>
        {
            var before = clock.ElapsedTicks;
            var response = await http.PostAsJsonAsync("api/v1/alerts", new JsonObject
            {
                ["org_id"] = tenant, ["dedupe_key"] = $"bench-{i}", ["title"] = $"Bench alert {i}", ["message"] = "load", ["severity"] = "P2",
            }, ct);
            response.EnsureSuccessStatusCode();
            var alert = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            raisedAt[alert!["alert_id"]!.GetValue<string>()] = before;
        });
        var raised = Stopwatch.GetElapsedTime(start, clock.ElapsedTicks);

        var expected = options.Alerts * 3;
        var deadline = clock.Elapsed + options.Timeout;
        while (arrivals.Count(a => a.Status == 200) < expected && clock.Elapsed < deadline)
        {
            await Task.Delay(100);
        }

        var all = arrivals.ToList();
        var ok = all.Where(a => a.Status == 200).ToList();
        if (ok.Count < expected)
        {
            await Console.Error.WriteLineAsync($"only {ok.Count} of {expected} notifications arrived within {options.Timeout.TotalSeconds:0} s");
            return 1;
        }

        var duplicates = ok.Count - ok.Select(a => a.Key).Distinct().Count();
        var span = Stopwatch.GetElapsedTime(start, ok.Max(a => a.At));
        var firstDelays = ok.Where(a => a.Hook != "flaky" && raisedAt.ContainsKey(a.AlertId)).Select(a => Ms(raisedAt[a.AlertId], a.At)).Order().ToList();
        var firstFailure = all.Where(a => a.Status == 500).ToDictionary(a => a.Key, a => a.At, StringComparer.Ordinal);
        var retryDelays = ok.Where(a => a.Hook == "flaky" && firstFailure.ContainsKey(a.Key))
            .Select(a => Ms(firstFailure[a.Key], a.At) - options.AlertMinute.TotalMilliseconds).Order().ToList();

        Console.WriteLine($"alerts {options.Alerts} (raised {options.Parallel} at a time in {raised.TotalSeconds:F1} s), notifications delivered {ok.Count} (+{all.Count - ok.Count} failed first attempts), duplicates by key {duplicates}");
        Console.WriteLine($"throughput: {ok.Count / span.TotalSeconds:F1} notifications/s (first raise to last delivery {span.TotalSeconds:F1} s)");
        Console.WriteLine($"raise → first delivery: p50 {Pct(firstDelays, 50):F0} ms, p95 {Pct(firstDelays, 95):F0} ms, max {firstDelays[^1]:F0} ms (n={firstDelays.Count})");
        Console.WriteLine($"retry due → delivery:   p50 {Pct(retryDelays, 50):F0} ms, p95 {Pct(retryDelays, 95):F0} ms, max {retryDelays[^1]:F0} ms (n={retryDelays.Count}; due = first failure + {options.AlertMinute.TotalMilliseconds:0} ms)");
        return duplicates == 0 ? 0 : 1;
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static double Pct(List<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
