using System.Text.Json.Nodes;

namespace Autopilot.Core.Memos.Contract;

/// <summary>Body of GET /memos/{artifact_id}/wow. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record MemoWeekOverWeekView(string ArtifactId, string TenantId, IReadOnlyList<JsonNode> Rows)
{
    public int? FromVersion { get; init; }

    public int? ToVersion { get; init; }

    public string? Note { get; init; }
}
