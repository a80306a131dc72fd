using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Autopilot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>
/// A local BigQuery REST API v2 (Kestrel on 127.0.0.1, a free port) over a DuckDB file, plus an OAuth token endpoint
/// (<c>POST /token</c>) that checks the service account's signed JWT. Every BigQuery call must present a bearer token the
/// fake issued. Tests inject failures per route, hold jobs incomplete for some polls, and read back every request.
/// </summary>
internal sealed partial class FakeBigQueryServer : IAsyncDisposable
{
    public const string Project = "autopilot-test";
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private readonly Lock _gate = new();
    private readonly List<FakeRequest> _requests = [];
    private readonly List<(FakeRoute Route, FakeFailure Failure, int Remaining)> _failures = [];
    private readonly Dictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _jobsByRequestId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _tokenClaims = [];
    private readonly FakeQueryEngine _engine;
    private readonly RSA? _signingKey;
    private WebApplication? _app;
    private Func<string, int> _heldPolls = _ => 0;
    private int _jobCounter;

    private FakeBigQueryServer(RSA? signingKey)
    {
        _signingKey = signingKey;
        _engine = new FakeQueryEngine(Project, FakeWarehouseData.ReadCatalog());
    }

    /// <summary>Root of the API (the connector's <c>Endpoint</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    public Uri TokenUri => new(BaseUri, "token");

    /// <summary><c>expires_in</c> of the tokens issued.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary>Caps list pages (datasets, tables) whatever maxResults asks, to exercise paging.</summary>
    public int ListPageLimit { get; set; } = int.MaxValue;

    public FakeQueryEngine Engine => _engine;

    /// <summary>Starts the fake; with <paramref name="signingKey"/> the token endpoint verifies JWT signatures with it.</summary>
    public static async Task<FakeBigQueryServer> StartAsync(RSA? signingKey = null)
    {
        var server = new FakeBigQueryServer(signingKey);
        (server._app, server.BaseUri) = await LoopbackApp.StartAsync(app => server.Map(app));
        return server;
    }

    /// <summary>Jobs whose SQL contains <paramref name="sqlContains"/> (all, when null) answer <paramref name="polls"/> polls with jobComplete:false.</summary>
    public void HoldJobs(int polls, string? sqlContains = null)
    {
        lock (_gate)
        {
            _heldPolls = sql => sqlContains is null || sql.Contains(sqlContains, StringComparison.Ordinal) ? polls : 0;
        }
    }

    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeRequest> RequestsTo(FakeRoute route) => Requests.Where(r => r.Route == route).ToList();

    public int JobCount
    {
        get
        {
            lock (_gate)
            {
                return _jobs.Count;
            }
        }
    }

    public bool IsCancelled(string jobId)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(jobId, out var job) && job.Cancelled;
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

    private void Map(WebApplication app)
    {
        app.UseRouting();
        app.Use(async (context, next) =>
        {
            var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteTag>()?.Route ?? FakeRoute.Unknown;
            JsonNode? body = null;
            if (route != FakeRoute.Token && HttpMethods.IsPost(context.Request.Method) && context.Request.ContentLength is > 0)
            {
                try
                {
                    body = await JsonNode.ParseAsync(context.Request.Body);
                }
                catch (System.Text.Json.JsonException)
                {
                    await Write(context, ErrorBody(400, "parseError", "Parse error: the request body is not JSON."));
                    return;
                }
            }

            context.Items[typeof(JsonNode)] = body;
            var bearer = context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal)
                ? header["Bearer ".Length..]
                : null;
            FakeFailure? failure;
            lock (_gate)
            {
                _requests.Add(new FakeRequest(
                    route, context.Request.Method, context.Request.Path.Value ?? "",
                    context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), body?.DeepClone(), bearer));
                failure = TakeFailure(route);
            }

            if (failure is not null && await InjectAsync(context, route, failure))
            {
                return;
            }

            if (route is not FakeRoute.Token and not FakeRoute.Unknown && !Authorized(bearer, out var problem))
            {
                await Write(context, problem);
                return;
            }

            await next(context);
        });

        app.MapPost("/token", (Delegate)TokenAsync).WithMetadata(new RouteTag(FakeRoute.Token));
        var project = app.MapGroup("/bigquery/v2/projects/{project}");
        project.MapPost("/jobs", (HttpContext c, string project) => Answer(c, project, InsertJob)).WithMetadata(new RouteTag(FakeRoute.JobsInsert));
        project.MapPost("/queries", (HttpContext c, string project) => AnswerAsync(c, project, QueryAsync)).WithMetadata(new RouteTag(FakeRoute.JobsQuery));
        project.MapGet("/queries/{jobId}", (HttpContext c, string project, string jobId) => Answer(c, project, c => GetQueryResults(c, jobId))).WithMetadata(new RouteTag(FakeRoute.GetQueryResults));
        project.MapPost("/jobs/{jobId}/cancel", (HttpContext c, string project, string jobId) => Answer(c, project, _ => CancelJob(jobId))).WithMetadata(new RouteTag(FakeRoute.JobsCancel));
        project.MapGet("/datasets", (HttpContext c, string project) => Answer(c, project, ListDatasets)).WithMetadata(new RouteTag(FakeRoute.DatasetsList));
        project.MapGet("/datasets/{dataset}/tables", (HttpContext c, string project, string dataset) => Answer(c, project, c => ListTables(c, dataset))).WithMetadata(new RouteTag(FakeRoute.TablesList));
        project.MapGet("/datasets/{dataset}/tables/{table}", (HttpContext c, string project, string dataset, string table) => Answer(c, project, _ => GetTable(dataset, table))).WithMetadata(new RouteTag(FakeRoute.TablesGet));
    }

    private IResult Answer(HttpContext context, string project, Func<HttpContext, FakeAnswer> handler) =>
        Json(project == Project ? handler(context) : ErrorBody(404, "notFound", $"Not found: Project {project}"));

    private async Task<IResult> AnswerAsync(HttpContext context, string project, Func<HttpContext, Task<FakeAnswer>> handler) =>
        Json(project == Project ? await handler(context) : ErrorBody(404, "notFound", $"Not found: Project {project}"));

    private static IResult Json(FakeAnswer answer) =>
        Results.Content(answer.Body.ToJsonString(), "application/json; charset=UTF-8", Encoding.UTF8, answer.Status);

    private static Task Write(HttpContext context, FakeAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return context.Response.WriteAsync(answer.Body.ToJsonString());
    }

    /// <summary>BigQuery's error body.</summary>
    public static FakeAnswer ErrorBody(int status, string reason, string message) => new(status, new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["code"] = status,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = "global", ["reason"] = reason }),
            ["status"] = status switch
            {
                400 => "INVALID_ARGUMENT",
                401 => "UNAUTHENTICATED",
                403 => "PERMISSION_DENIED",
                404 => "NOT_FOUND",
                429 => "RESOURCE_EXHAUSTED",
                503 => "UNAVAILABLE",
                _ => "INTERNAL",
            },
        },
    });

    private sealed record RouteTag(FakeRoute Route);
}
