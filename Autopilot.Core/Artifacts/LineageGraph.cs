namespace Autopilot.Core.Artifacts;

/// <summary>A lineage graph as the artifact lineage route returns it.</summary>
public sealed record LineageGraph(IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges);
