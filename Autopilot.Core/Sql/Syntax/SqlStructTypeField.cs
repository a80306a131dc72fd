namespace Autopilot.Core.Sql;

/// <summary>One field of a STRUCT type; <see cref="Name"/> may be omitted.</summary>
public sealed record SqlStructTypeField(string? Name, SqlType Type);
