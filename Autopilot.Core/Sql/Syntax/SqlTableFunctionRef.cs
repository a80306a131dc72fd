namespace Autopilot.Core.Sql;

/// <summary>A table-valued function call in FROM; parsed so it can be refused by name.</summary>
public sealed record SqlTableFunctionRef(SqlList<string> Name, SqlList<SqlExpression> Arguments, string? Alias) : SqlFromItem;
