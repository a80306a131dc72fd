namespace Autopilot.Core.Connectors.Disconnect;

/// <summary>What to audit for a finished disconnect.</summary>
public sealed record AuditDisconnectInput(string TenantId, DisconnectResult Result);
