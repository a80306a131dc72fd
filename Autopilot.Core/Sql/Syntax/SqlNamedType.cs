namespace Autopilot.Core.Sql;

/// <summary>A type by name, upper case, with optional parameters: <c>INT64</c>, <c>NUMERIC(10, 2)</c>, <c>STRING(20)</c>.</summary>
public sealed record SqlNamedType(string Name, SqlList<string> Parameters) : SqlType;
