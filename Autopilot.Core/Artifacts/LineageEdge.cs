namespace Autopilot.Core.Artifacts;

/// <summary>The artifact depends on a table.</summary>
public sealed record LineageEdge(string From, string To, string Type);
