namespace Autopilot.Core.Sql;

/// <summary>The type of a table's time column, which decides how a time filter is written.</summary>
public enum SqlTimeColumnType
{
    /// <summary><c>col &gt;= TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL n DAY)</c>.</summary>
    Timestamp,

    /// <summary><c>col &gt;= DATE_SUB(CURRENT_DATE(), INTERVAL n DAY)</c>.</summary>
    Date,

    /// <summary><c>col &gt;= DATETIME_SUB(CURRENT_DATETIME(), INTERVAL n DAY)</c>.</summary>
    DateTime,
}
