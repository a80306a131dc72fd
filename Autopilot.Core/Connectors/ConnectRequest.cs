using System.Text.Json;

namespace Autopilot.Core.Connectors;

/// <summary>Body of <c>POST /api/v1/connectors/bigquery</c> (spec §4.1).</summary>
public sealed record ConnectRequest(string? OrgId, JsonElement? ServiceAccountJson);
