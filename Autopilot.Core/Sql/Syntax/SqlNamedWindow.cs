namespace Autopilot.Core.Sql;

/// <summary><c>name AS (spec)</c> in a WINDOW clause.</summary>
public sealed record SqlNamedWindow(string Name, SqlWindowSpec Spec);
