using System.Text.Json.Nodes;
using System.Text;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Dashboards.Metabase;

/// <summary>
/// A local Metabase REST API (Kestrel on 127.0.0.1, a free port), in memory: the key check (<c>X-API-Key</c>), databases,
/// collections and their items, native cards, dashboards with dashcards and parameters — validating what the real server
/// validates and answering its error shapes. Tests inject failures and delays and read back every object and request.
/// </summary>
internal sealed partial class FakeMetabaseServer : IAsyncDisposable
{
    public const string ApiKey = "mb_test_key_5c1e";
    public const int BigQueryDatabaseId = 2;

    /// <summary>Metabase's dashboard grid is 24 units wide.</summary>
    public const int GridWidth = 24;

    private readonly Lock _gate = new();
    private readonly List<FakeMetabaseRequest> _requests = [];
    private readonly List<FakeMetabaseFailure> _failures = [];
    private readonly Dictionary<int, JsonObject> _collections = [];
    private readonly Dictionary<int, JsonObject> _cards = [];
    private readonly Dictionary<int, JsonObject> _dashboards = [];
    private readonly List<JsonObject> _databases =
    [
        new() { ["id"] = 1, ["name"] = "Sample Database", ["engine"] = "h2" },
        new() { ["id"] = BigQueryDatabaseId, ["name"] = "Warehouse", ["engine"] = "bigquery-cloud-sdk" },
    ];

    private WebApplication? _app;
    private int _nextId = 100;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<FakeMetabaseServer> StartAsync()
    {
        var server = new FakeMetabaseServer();
        (server._app, server.BaseUri) = await LoopbackApp.StartAsync(app => server.Map(app));
        return server;
    }

    public IReadOnlyList<FakeMetabaseRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Cards not deleted, as stored.</summary>
    public IReadOnlyList<JsonObject> Cards
    {
        get
        {
            lock (_gate)
            {
                return _cards.Values.Select(c => (JsonObject)c.DeepClone()).ToList();
            }
        }
    }

    public JsonObject? Dashboard(int id)
    {
        lock (_gate)
        {
            return _dashboards.TryGetValue(id, out var dashboard) ? (JsonObject)dashboard.DeepClone() : null;
        }
    }

    public IReadOnlyList<JsonObject> Collections
    {
        get
        {
            lock (_gate)
            {
                return _collections.Values.Select(c => (JsonObject)c.DeepClone()).ToList();
            }
        }
    }

    /// <summary>Replaces the databases Metabase knows (to test database resolution).</summary>
    public void SetDatabases(params (int Id, string Name, string Engine)[] databases)
    {
        lock (_gate)
        {
            _databases.Clear();
            _databases.AddRange(databases.Select(d => new JsonObject { ["id"] = d.Id, ["name"] = d.Name, ["engine"] = d.Engine }));
        }
    }

    /// <summary>The next <paramref name="times"/> requests matching method and path prefix fail (or are slowed) as given.</summary>
    public void Fail(string method, string pathPrefix, int status, int times = 1, TimeSpan delay = default, string? body = null)
    {
        lock (_gate)
        {
            _failures.Add(new FakeMetabaseFailure(method, pathPrefix, status, times, delay, body));
        }
    }

    /// <summary>Removes a dashboard as a user deleting it in Metabase would.</summary>
    public void DeleteDashboard(int id)
    {
        lock (_gate)
        {
            _dashboards.Remove(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private int NextId() => Interlocked.Increment(ref _nextId);

    private static IResult Json(int status, JsonNode body) =>
        Results.Content(body.ToJsonString(), "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>Metabase answers a missing object with the plain text "Not found.".</summary>
    private static IResult NotFound() => Results.Content("Not found.", "text/plain", Encoding.UTF8, 404);

    /// <summary>Metabase's schema errors: <c>{"errors": {field: why}, "specific-errors": …}</c>.</summary>
    private static IResult Invalid(string field, string why) =>
        Json(400, new JsonObject { ["errors"] = new JsonObject { [field] = why }, ["specific-errors"] = new JsonObject { [field] = new JsonArray(why) } });
}

/// <summary>One request the fake received (the key is recorded only as present or not).</summary>
internal sealed record FakeMetabaseRequest(string Method, string Path, string Query, JsonNode? Body, bool HadKey);

/// <summary>A failure to inject: status 0 means only the delay, then the request proceeds.</summary>
internal sealed record FakeMetabaseFailure(string Method, string PathPrefix, int Status, int Times, TimeSpan Delay, string? Body);
