using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Autopilot.Core.Alerts.Notifications.Channels;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Alerts.Notifications;

/// <summary>
/// A webhook receiver over loopback: <c>POST /hook/{name}</c> answers from a per-name script of (status, delay) — then 200 —
/// and records every request with its headers and exact body. Like a careful real receiver it dedupes by
/// <c>Idempotency-Key</c>: a request counts as accepted when it was answered 2xx (the sender did not hang up first) and its
/// key was not accepted before.
/// </summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, TimeSpan Delay)>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<string, byte> _acceptedKeys = new(StringComparer.Ordinal);

    private NotificationReceiver(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public IReadOnlyList<Received> Requests => _received.ToList();

    public static async Task<NotificationReceiver> StartAsync()
    {
        NotificationReceiver? receiver = null;
        var (app, uri) = await LoopbackApp.StartAsync(a => a.MapPost("/hook/{name}", (HttpContext http, string name) => receiver!.HandleAsync(http, name)));
        receiver = new NotificationReceiver(app, uri);
        return receiver;
    }

    public string Url(string name) => new Uri(BaseUri, "hook/" + name).AbsoluteUri;

    /// <summary>The next requests to <paramref name="name"/> answer these, in order; later ones 200 at once.</summary>
    public void Script(string name, params (int Status, TimeSpan Delay)[] answers)
    {
        var queue = _scripts.GetOrAdd(name, _ => new ConcurrentQueue<(int, TimeSpan)>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    public IReadOnlyList<Received> To(string name) => Requests.Where(r => r.Name == name).ToList();

    public async Task<IReadOnlyList<Received>> WaitForAsync(string name, int count, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (To(name).Count(r => r.Completed) < count)
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"receiver '{name}' got {To(name).Count} request(s), wanted {count} answered");
            }

            await Task.Delay(100);
        }

        return To(name);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http, string name)
    {
        var arrived = TimeProvider.System.GetUtcNow();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var (status, delay) = _scripts.TryGetValue(name, out var queue) && queue.TryDequeue(out var next) ? next : (200, TimeSpan.Zero);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var key = headers.GetValueOrDefault(WebhookSignature.IdempotencyHeader) ?? string.Empty;
        try
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            _received.Enqueue(new Received(name, arrived, headers, buffer.ToArray(), status, Completed: false, Accepted: false));
            return;
        }

        var accepted = status is >= 200 and < 300 && _acceptedKeys.TryAdd(key, 0);
        _received.Enqueue(new Received(name, arrived, headers, buffer.ToArray(), status, Completed: true, accepted));
        http.Response.StatusCode = status;
    }

    /// <summary>One request as it arrived; <see cref="Completed"/>: answered before the sender hung up.</summary>
    public sealed record Received(string Name, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, bool Completed, bool Accepted)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }
}
