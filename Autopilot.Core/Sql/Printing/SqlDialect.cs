namespace Autopilot.Core.Sql;

/// <summary>Which SQL the printer writes.</summary>
public enum SqlDialect
{
    /// <summary>Canonical BigQuery Standard SQL: parsing the output gives back the same tree.</summary>
    BigQuery,

    /// <summary>
    /// DuckDB, for the embedded demo warehouse: double-quoted identifiers, project dropped from table paths, and the
    /// BigQuery functions and syntax DuckDB lacks rewritten; functions outside <see cref="DuckDbFunctions"/> are refused.
    /// </summary>
    DuckDb,
}
