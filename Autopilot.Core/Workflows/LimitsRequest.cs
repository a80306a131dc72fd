namespace Autopilot.Core.Workflows;

/// <summary>Body of <c>POST /api/v1/workflows/limits</c>.</summary>
public sealed record LimitsRequest(int? ConcurrencyLimit, int? ProfileLimit, int? AgentLimit = null);
