namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>One stage of one disconnect.</summary>
public sealed record DisconnectStageInput(string TenantId, string ConnectionId, string Stage);
