using System.Text.Json.Nodes;

namespace Autopilot.Core.Tenants.Contract;

/// <summary>Body of POST /admin/setup-tester-org: the profile's findings, or its workflow's standing. Declared for the OpenAPI document (RouteTable's <c>Doc</c>).</summary>
public sealed record TesterOrgView(string OrgId, bool TenantExists, string WorkflowId)
{
    public int? TablesDiscovered { get; init; }

    public IReadOnlyList<string>? TableNames { get; init; }

    public int? PiiColumnsFlagged { get; init; }

    public IReadOnlyList<JsonNode>? PiiDetails { get; init; }

    public string? WorkflowStatus { get; init; }

    public string? StatusUrl { get; init; }

    public string? Error { get; init; }
}
