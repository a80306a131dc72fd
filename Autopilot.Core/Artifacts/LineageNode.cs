namespace Autopilot.Core.Artifacts;

/// <summary>A graph node: the artifact, or a table it reads.</summary>
public sealed record LineageNode(string Id, string Kind, string Label, IReadOnlyDictionary<string, object?> Meta);
