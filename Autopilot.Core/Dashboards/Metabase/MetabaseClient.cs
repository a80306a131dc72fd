using System.Text.Json;
using System.Text.Json.Nodes;
using Autopilot.Core.Engine;
using Autopilot.Core.Workflows;

namespace Autopilot.Core.Dashboards.Metabase;

/// <summary>
/// Metabase's REST API as a dashboard build uses it (DASH-7, with its quirks fixed: cards name their database, live in a
/// per-tenant collection, and carry a marker so a retried or resumed step finds what it already created instead of
/// creating it twice). Every failure leaves as a classed <see cref="WorkflowStepException"/>; the step runner decides
/// about retries, so this client makes one attempt per call.
/// </summary>
public sealed partial class MetabaseClient
{
    /// <summary>The named <see cref="HttpClient"/> (readiness probes with the same one).</summary>
    public const string HttpClientName = "metabase";

    private const string ApiKeyHeader = "X-API-Key";
    private static readonly string[] BigQueryEngines = ["bigquery-cloud-sdk", "bigquery"];

    private readonly HttpClient _http;
    private readonly MetabaseOptions _options;

    public MetabaseClient(HttpClient http, MetabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    /// <summary>READY-3: the key works when <c>/api/user/current</c> names a user.</summary>
    public async Task<bool> IsKeyValidAsync(CancellationToken ct)
    {
        var user = await SendAsync<JsonObject>(HttpMethod.Get, "api/user/current", body: null, "user lookup", ct);
        return user?["id"] is not null;
    }

    /// <summary>The database the cards query: the configured id, else Metabase's only BigQuery database.</summary>
    public async Task<int> ResolveDatabaseIdAsync(CancellationToken ct)
    {
        if (_options.DatabaseId is { } configured)
        {
            return configured;
        }

        var answer = await SendAsync<JsonNode>(HttpMethod.Get, "api/database", body: null, "database list", ct);
        var databases = DataArray(answer, "database list").Deserialize<List<MetabaseDatabase>>(AutopilotJson.Options) ?? [];
        var bigQuery = databases.Where(d => BigQueryEngines.Contains(d.Engine, StringComparer.OrdinalIgnoreCase)).ToList();
        return bigQuery switch
        {
            [var only] => only.Id,
            [] => throw new WorkflowStepException(FailureClass.ValidationFailed,
                "Metabase has no BigQuery database: add the warehouse in Metabase, or set METABASE_DATABASE_ID."),
            _ => throw new WorkflowStepException(FailureClass.ValidationFailed,
                $"Metabase has {bigQuery.Count} BigQuery databases ({string.Join(", ", bigQuery.Select(d => $"{d.Id} {d.Name}"))}): set METABASE_DATABASE_ID to the tenant's."),
        };
    }

    /// <summary>The collection named <paramref name="name"/> (the oldest when a race made two), created when absent.</summary>
    public async Task<int> EnsureCollectionAsync(string name, CancellationToken ct)
    {
        if ((await FindCollectionsAsync(name, ct)) is [var id, ..])
        {
            return id;
        }

        var created = await SendAsync<JsonObject>(HttpMethod.Post, "api/collection", new JsonObject { ["name"] = name, ["parent_id"] = null }, "collection create", ct);
        return IdOf(created, "collection create");
    }

    /// <summary>The ids of the live (not archived), shared collections named <paramref name="name"/>, oldest first.</summary>
    public async Task<IReadOnlyList<int>> FindCollectionsAsync(string name, CancellationToken ct)
    {
        var answer = await SendAsync<JsonNode>(HttpMethod.Get, "api/collection", body: null, "collection list", ct);
        var collections = DataArray(answer, "collection list").Deserialize<List<MetabaseCollectionInfo>>(AutopilotJson.Options) ?? [];
        return collections
            .Where(c => !c.Archived && c.PersonalOwnerId is null && string.Equals(c.Name, name, StringComparison.Ordinal))
            .Where(c => c.Id.GetValueKind() == JsonValueKind.Number)
            .Select(c => c.Id.GetValue<int>())
            .Order()
            .ToList();
    }

    /// <summary>
    /// Archives a collection (<c>PUT /api/collection/{id}</c> with <c>archived: true</c>), which archives everything in it:
    /// Metabase's own way of removing a collection (an administrator can then empty the trash). One already gone is fine.
    /// </summary>
    public Task ArchiveCollectionAsync(int collectionId, CancellationToken ct) =>
        SendAsync<JsonNode>(HttpMethod.Put, $"api/collection/{collectionId}", new JsonObject { ["archived"] = true }, "collection archive", ct, missingIsNull: true);

    /// <summary>Cards and dashboards of a collection whose description starts with <paramref name="markerPrefix"/>.</summary>
    public async Task<IReadOnlyList<MetabaseCollectionItem>> FindMarkedAsync(int collectionId, string model, string markerPrefix, CancellationToken ct)
    {
        var path = $"api/collection/{collectionId}/items?models={Uri.EscapeDataString(model)}";
        var answer = await SendAsync<JsonNode>(HttpMethod.Get, path, body: null, "collection items", ct);
        var items = DataArray(answer, "collection items").Deserialize<List<MetabaseCollectionItem>>(AutopilotJson.Options) ?? [];
        return items
            .Where(i => string.Equals(i.Model, model, StringComparison.Ordinal) && i.Description?.StartsWith(markerPrefix, StringComparison.Ordinal) == true)
            .ToList();
    }

    private static JsonArray DataArray(JsonNode? answer, string operation) => answer switch
    {
        JsonArray array => array,
        JsonObject { } page when page["data"] is JsonArray data => data,
        _ => throw MetabaseErrors.Malformed(operation, "expected a list or {data: [...]}"),
    };

    private static int IdOf(JsonObject? answer, string operation) =>
        answer?["id"] is JsonValue value && value.TryGetValue<int>(out var id)
            ? id
            : throw MetabaseErrors.Malformed(operation, "no numeric id");
}
