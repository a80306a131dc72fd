using Autopilot.Core.Admission;

namespace Autopilot.Core.Agent;

/// <summary>A started agent run: its id (the orchestration's instance id) and where admission put it.</summary>
public sealed record AgentRunLaunch(string RunId, AdmissionDecision Decision);
