using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

internal sealed partial class FakeBigQueryServer
{
    private FakeAnswer ListDatasets(HttpContext context)
    {
        var datasets = _engine.Tables.Select(t => t.Dataset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var (page, next) = Slice(context, datasets, "datasets");
        var answer = new JsonObject { ["kind"] = "bigquery#datasetList", ["etag"] = "\"fake\"" };
        if (page.Count > 0)
        {
            // Like BigQuery, an empty list has no "datasets" member at all.
            answer["datasets"] = new JsonArray(page.Select(d => (JsonNode)new JsonObject
            {
                ["kind"] = "bigquery#dataset",
                ["id"] = $"{Project}:{d}",
                ["datasetReference"] = new JsonObject { ["datasetId"] = d, ["projectId"] = Project },
                ["location"] = "US",
            }).ToArray());
        }

        if (next is not null)
        {
            answer["nextPageToken"] = next;
        }

        return new FakeAnswer(200, answer);
    }

    private FakeAnswer ListTables(HttpContext context, string dataset)
    {
        var tables = _engine.Tables.Where(t => t.Dataset == dataset).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        if (tables.Count == 0)
        {
            return ErrorBody(404, "notFound", $"Not found: Dataset {Project}:{dataset}");
        }

        var (page, next) = Slice(context, tables, "tables/" + dataset);
        var answer = new JsonObject
        {
            ["kind"] = "bigquery#tableList",
            ["etag"] = "\"fake\"",
            ["tables"] = new JsonArray(page.Select(t =>
            {
                var item = new JsonObject
                {
                    ["kind"] = "bigquery#table",
                    ["id"] = $"{Project}:{t.Dataset}.{t.Name}",
                    ["tableReference"] = TableReference(t),
                    ["type"] = "TABLE",
                    ["creationTime"] = "1764115200000",
                };
                if (Partitioning(t) is { } partitioning)
                {
                    item["timePartitioning"] = partitioning;
                }

                return (JsonNode)item;
            }).ToArray()),
            ["totalItems"] = tables.Count,
        };
        if (next is not null)
        {
            answer["nextPageToken"] = next;
        }

        return new FakeAnswer(200, answer);
    }

    private FakeAnswer GetTable(string dataset, string name)
    {
        var table = _engine.Tables.FirstOrDefault(t => t.Dataset == dataset && t.Name == name);
        if (table is null)
        {
            return ErrorBody(404, "notFound", $"Not found: Table {Project}:{dataset}.{name}");
        }

        var answer = new JsonObject
        {
            ["kind"] = "bigquery#table",
            ["etag"] = "\"fake\"",
            ["id"] = $"{Project}:{dataset}.{name}",
            ["selfLink"] = $"https://bigquery.googleapis.com/bigquery/v2/projects/{Project}/datasets/{dataset}/tables/{name}",
            ["tableReference"] = TableReference(table),
            ["schema"] = FakeField.SchemaJson(table.Fields),
            ["numBytes"] = table.Bytes.ToString(CultureInfo.InvariantCulture),
            ["numLongTermBytes"] = "0",
            ["numRows"] = table.Rows.ToString(CultureInfo.InvariantCulture),
            ["creationTime"] = "1764115200000",
            ["lastModifiedTime"] = "1764115200000",
            ["type"] = "TABLE",
            ["location"] = "US",
        };
        if (Partitioning(table) is { } partitioning)
        {
            answer["timePartitioning"] = partitioning;
        }

        return new FakeAnswer(200, answer);
    }

    private static JsonObject TableReference(FakeTable table) =>
        new() { ["projectId"] = Project, ["datasetId"] = table.Dataset, ["tableId"] = table.Name };

    private static JsonObject? Partitioning(FakeTable table)
    {
        if (table.PartitionType is null)
        {
            return null;
        }

        var partitioning = new JsonObject { ["type"] = table.PartitionType };
        if (table.PartitionField is not null)
        {
            partitioning["field"] = table.PartitionField;
        }

        return partitioning;
    }

    /// <summary>One page of a list by maxResults (capped by <see cref="ListPageLimit"/>) and pageToken.</summary>
    private (List<T> Page, string? Next) Slice<T>(HttpContext context, List<T> items, string scope)
    {
        var offset = 0;
        if (context.Request.Query["pageToken"].ToString() is { Length: > 0 } token && !TryReadPageToken(token, scope, out offset))
        {
            offset = items.Count;
        }

        var size = int.TryParse(context.Request.Query["maxResults"], CultureInfo.InvariantCulture, out var max) ? max : 50;
        size = Math.Min(size, ListPageLimit);
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count;
        return (page, next < items.Count ? PageToken(scope, next) : null);
    }
}
