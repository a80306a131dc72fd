namespace Autopilot.Core.Admission;

/// <summary>What one <see cref="QueueSweep"/> did: launches recovered, tenants passed over, steps that failed (and were logged).</summary>
public sealed record QueueSweepResult(int LaunchesRecovered, int TenantsProcessed, int Failures);
