using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

internal sealed partial class FakeBigQueryServer
{
    private const int DefaultMaxResults = 100_000;

    /// <summary><c>jobs.insert</c>: dry runs only (a real run goes through <c>jobs.query</c> here).</summary>
    private FakeAnswer InsertJob(HttpContext context)
    {
        var body = Body(context);
        var configuration = body?["configuration"] as JsonObject;
        var query = configuration?["query"] as JsonObject;
        var sql = query?["query"]?.GetValue<string>();
        if (sql is null)
        {
            return ErrorBody(400, "invalid", "Required parameter is missing: configuration.query.query");
        }

        if (configuration!["dryRun"]?.GetValue<bool>() != true)
        {
            return ErrorBody(400, "invalid", "This fake runs queries through jobs.query only; jobs.insert serves dry runs.");
        }

        if (query!["useLegacySql"]?.GetValue<bool>() != false)
        {
            return ErrorBody(400, "invalidQuery", "Legacy SQL is not supported by this fake: set useLegacySql to false.");
        }

        var translated = _engine.Translate(sql);
        var statementType = FakeQueryEngine.StatementType(sql);
        if (statementType == "SELECT" && _engine.Validate(translated) is { } problem)
        {
            return ErrorBody(400, "invalidQuery", problem);
        }

        var bytes = _engine.EstimateBytes(translated).ToString(CultureInfo.InvariantCulture);
        var location = body!["jobReference"]?["location"]?.GetValue<string>() ?? "US";
        var referenced = new JsonArray(_engine.ReferencedTables(translated)
            .Select(t => (JsonNode)new JsonObject { ["projectId"] = Project, ["datasetId"] = t.Dataset, ["tableId"] = t.Name })
            .ToArray());
        return new FakeAnswer(200, new JsonObject
        {
            ["kind"] = "bigquery#job",
            ["etag"] = "\"fake\"",
            ["jobReference"] = new JsonObject { ["projectId"] = Project, ["location"] = location },
            ["configuration"] = configuration.DeepClone(),
            ["status"] = new JsonObject { ["state"] = "DONE" },
            ["statistics"] = new JsonObject
            {
                ["creationTime"] = "1764115200000",
                ["totalBytesProcessed"] = bytes,
                ["query"] = new JsonObject
                {
                    ["totalBytesProcessed"] = bytes,
                    ["totalBytesBilled"] = "0",
                    ["totalBytesProcessedAccuracy"] = "PRECISE",
                    ["cacheHit"] = false,
                    ["statementType"] = statementType,
                    ["referencedTables"] = referenced,
                },
            },
        });
    }

    /// <summary><c>jobs.query</c>: runs the query at once; answers incomplete when the job is held, else the first page.</summary>
    private async Task<FakeAnswer> QueryAsync(HttpContext context)
    {
        var body = Body(context) as JsonObject;
        var sql = body?["query"]?.GetValue<string>();
        if (sql is null)
        {
            return ErrorBody(400, "invalid", "Required parameter is missing: query");
        }

        if (body!["useLegacySql"]?.GetValue<bool>() != false)
        {
            return ErrorBody(400, "invalidQuery", "Legacy SQL is not supported by this fake: set useLegacySql to false.");
        }

        var requestId = body["requestId"]?.GetValue<string>();
        FakeJob? existing = null;
        lock (_gate)
        {
            if (requestId is not null && _jobsByRequestId.TryGetValue(requestId, out var id))
            {
                existing = _jobs[id];
            }
        }

        if (existing is not null)
        {
            return Page(existing, 0, MaxResults(body["maxResults"]), "bigquery#queryResponse");
        }

        var translated = _engine.Translate(sql);
        if (FakeQueryEngine.StatementType(sql) != "SELECT")
        {
            return ErrorBody(403, "accessDenied", $"Access Denied: Project {Project}: Permission bigquery.tables.updateData denied (read-only service account).");
        }

        if (_engine.Validate(translated) is { } problem)
        {
            return ErrorBody(400, "invalidQuery", problem);
        }

        var bytes = _engine.EstimateBytes(translated);
        if (body["maximumBytesBilled"]?.GetValue<string>() is { } cap
            && long.TryParse(cap, CultureInfo.InvariantCulture, out var maximum)
            && bytes > maximum)
        {
            return ErrorBody(400, "bytesBilledLimitExceeded", $"Query exceeded limit for bytes billed: {maximum}. {bytes} or higher required.");
        }

        IReadOnlyList<FakeField> fields;
        IReadOnlyList<JsonObject> rows;
        try
        {
            (fields, rows) = await _engine.ExecuteAsync(translated, context.RequestAborted);
        }
        catch (DuckDBException e)
        {
            return ErrorBody(400, "invalidQuery", e.Message);
        }

        var location = body["location"]?.GetValue<string>() ?? "US";
        FakeJob job;
        lock (_gate)
        {
            job = new FakeJob($"job_fake_{++_jobCounter:D4}", location, sql, fields, rows, bytes, _heldPolls(sql));
            _jobs[job.Id] = job;
            if (requestId is not null)
            {
                _jobsByRequestId[requestId] = job.Id;
            }
        }

        return job.PendingPolls > 0
            ? Incomplete(job, "bigquery#queryResponse")
            : Page(job, 0, MaxResults(body["maxResults"]), "bigquery#queryResponse");
    }

    /// <summary><c>jobs.getQueryResults</c>: polls (incomplete while held) and pages (by pageToken or startIndex).</summary>
    private FakeAnswer GetQueryResults(HttpContext context, string jobId)
    {
        FakeJob? job;
        lock (_gate)
        {
            _jobs.TryGetValue(jobId, out job);
        }

        var location = context.Request.Query["location"].ToString();
        // Like BigQuery, a job outside the US needs its location to be found.
        if (job is null || !string.Equals(location.Length == 0 ? "US" : location, job.Location, StringComparison.OrdinalIgnoreCase))
        {
            return ErrorBody(404, "notFound", $"Not found: Job {Project}:{jobId}");
        }

        if (job.Cancelled)
        {
            return ErrorBody(400, "stopped", "Job execution was cancelled: User requested cancellation");
        }

        lock (_gate)
        {
            if (job.PendingPolls > 0)
            {
                job.PendingPolls--;
                return Incomplete(job, "bigquery#getQueryResultsResponse");
            }
        }

        var offset = 0;
        if (context.Request.Query["pageToken"].ToString() is { Length: > 0 } token)
        {
            if (!TryReadPageToken(token, job.Id, out offset))
            {
                return ErrorBody(400, "invalid", "Invalid page token.");
            }
        }
        else if (int.TryParse(context.Request.Query["startIndex"], CultureInfo.InvariantCulture, out var start))
        {
            offset = start;
        }

        var maxResults = int.TryParse(context.Request.Query["maxResults"], CultureInfo.InvariantCulture, out var max) ? max : DefaultMaxResults;
        return Page(job, offset, maxResults, "bigquery#getQueryResultsResponse");
    }

    private FakeAnswer CancelJob(string jobId)
    {
        FakeJob? job;
        lock (_gate)
        {
            if (_jobs.TryGetValue(jobId, out job))
            {
                job.Cancelled = true;
            }
        }

        return job is null
            ? ErrorBody(404, "notFound", $"Not found: Job {Project}:{jobId}")
            : new FakeAnswer(200, new JsonObject
            {
                ["kind"] = "bigquery#jobCancelResponse",
                ["job"] = new JsonObject { ["jobReference"] = Reference(job), ["status"] = new JsonObject { ["state"] = "DONE" } },
            });
    }

    private static FakeAnswer Incomplete(FakeJob job, string kind) => new(200, new JsonObject
    {
        ["kind"] = kind,
        ["jobReference"] = Reference(job),
        ["jobComplete"] = false,
    });

    private static FakeAnswer Page(FakeJob job, int offset, int maxResults, string kind)
    {
        var rows = job.Rows.Skip(offset).Take(maxResults).Select(r => (JsonNode)r.DeepClone()).ToArray();
        var next = offset + rows.Length;
        var answer = new JsonObject
        {
            ["kind"] = kind,
            ["etag"] = "\"fake\"",
            ["schema"] = FakeField.SchemaJson(job.Fields),
            ["jobReference"] = Reference(job),
            ["totalRows"] = job.Rows.Count.ToString(CultureInfo.InvariantCulture),
            ["totalBytesProcessed"] = job.Bytes.ToString(CultureInfo.InvariantCulture),
            ["jobComplete"] = true,
            ["cacheHit"] = false,
        };
        if (rows.Length > 0)
        {
            answer["rows"] = new JsonArray(rows);
        }

        if (next < job.Rows.Count && rows.Length > 0)
        {
            answer["pageToken"] = PageToken(job.Id, next);
        }

        return new FakeAnswer(200, answer);
    }

    private static JsonObject Reference(FakeJob job) =>
        new() { ["projectId"] = Project, ["jobId"] = job.Id, ["location"] = job.Location };

    private static int MaxResults(JsonNode? node) => node is null ? DefaultMaxResults : (int)node.GetValue<long>();

    private static string PageToken(string scope, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{scope}|{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryReadPageToken(string token, string scope, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url(token));
            var bar = text.LastIndexOf('|');
            return bar > 0 && text[..bar] == scope && int.TryParse(text[(bar + 1)..], CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static JsonNode? Body(HttpContext context) => context.Items[typeof(JsonNode)] as JsonNode;
}
