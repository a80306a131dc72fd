namespace Autopilot.Core.Agent;

public sealed record ExecuteRequest(string TenantId, string RunId, string ConnectionId, string Sql, string? PreviewId, bool Approved);
