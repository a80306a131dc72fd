namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>A tenant's connection to disconnect (CONN-5).</summary>
public sealed record DisconnectInput(string TenantId, string ConnectionId);
