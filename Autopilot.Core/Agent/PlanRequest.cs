namespace Autopilot.Core.Agent;

public sealed record PlanRequest(string TenantId, string RunId, string Message, IReadOnlyList<string> PreviousErrors);
