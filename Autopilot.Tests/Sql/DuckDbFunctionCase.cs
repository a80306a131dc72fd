namespace Autopilot.Tests.Sql;

/// <summary>A BigQuery query calling one function, and the value (column <c>v</c> of the first row) BigQuery answers.</summary>
internal sealed record DuckDbFunctionCase(string Sql, string Expected);
