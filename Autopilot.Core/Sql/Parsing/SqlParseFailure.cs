namespace Autopilot.Core.Sql;

/// <summary>Why and where parsing stopped; <see cref="TokenIndex"/> is the token it stopped at.</summary>
public sealed record SqlParseFailure(SqlParseFailureKind Kind, SqlSyntaxError Error, int TokenIndex);
