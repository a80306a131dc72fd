using System.Text.Json.Nodes;

namespace Autopilot.Tests.Warehouse.BigQuery.Fake;

/// <summary>A request the fake received: route, path, query string, JSON body (for POSTs) and the bearer token presented.</summary>
internal sealed record FakeRequest(FakeRoute Route, string Method, string Path, IReadOnlyDictionary<string, string> Query, JsonNode? Body, string? BearerToken)
{
    public string? Param(string name) => Query.TryGetValue(name, out var value) ? value : null;
}
