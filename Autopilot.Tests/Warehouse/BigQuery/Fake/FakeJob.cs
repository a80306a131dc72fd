using System.Text.Json.Nodes;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>A query job the fake ran: its complete result, kept for <c>getQueryResults</c> paging.</summary>
internal sealed class FakeJob(string id, string location, string sql, IReadOnlyList<FakeField> fields, IReadOnlyList<JsonObject> rows, long bytes, int pendingPolls)
{
    public string Id { get; } = id;

    public string Location { get; } = location;

    public string Sql { get; } = sql;

    public IReadOnlyList<FakeField> Fields { get; } = fields;

    public IReadOnlyList<JsonObject> Rows { get; } = rows;

    public long Bytes { get; } = bytes;

    /// <summary>Polls still to be answered with <c>jobComplete: false</c>.</summary>
    public int PendingPolls { get; set; } = pendingPolls;

    public bool Cancelled { get; set; }
}
