using System.Collections.Frozen;

namespace Autopilot.Core.Sql;

/// <summary>
/// Tables a query may not read: engine and system catalogs (pg_catalog, sqlite_master, duckdb_*, the system and temp
/// schemas) and INFORMATION_SCHEMA outside a dataset. Dataset-level INFORMATION_SCHEMA views (TABLES, COLUMNS,
/// COLUMN_FIELD_PATHS, PARTITIONS, TABLE_OPTIONS, VIEWS) of a dataset in the catalog are allowed (none when the catalog is empty): they describe only
/// the tenant's own tables. Region- and project-level views (JOBS, SESSIONS, …) show other users' work and are refused.
/// </summary>
internal static class SqlTableRules
{
    private static readonly FrozenSet<string> SystemSchemas = FrozenSet.ToFrozenSet(
        ["pg_catalog", "sqlite_master", "sqlite_schema", "sqlite_temp_master", "system", "temp", "mysql", "sys"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> DatasetViews = FrozenSet.ToFrozenSet(
        ["TABLES", "COLUMNS", "COLUMN_FIELD_PATHS", "PARTITIONS", "TABLE_OPTIONS", "VIEWS"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="path"/> may not be read, or null.</summary>
    public static string? RefusalOf(SqlList<string> path, HashSet<string> catalogDatasets)
    {
        var display = string.Join('.', path);
        var schema = -1;
        for (var i = 0; i < path.Count; i++)
        {
            var part = path[i];
            if (SystemSchemas.Contains(part) || part.StartsWith("duckdb_", StringComparison.OrdinalIgnoreCase)
                || part.StartsWith("pragma_", StringComparison.OrdinalIgnoreCase) || part.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase))
            {
                return $"Table not allowed: {display} (a system catalog)";
            }

            if (string.Equals(part, "INFORMATION_SCHEMA", StringComparison.OrdinalIgnoreCase))
            {
                schema = i;
            }
        }

        if (schema < 0)
        {
            return null;
        }

        // dataset.INFORMATION_SCHEMA.VIEW or project.dataset.INFORMATION_SCHEMA.VIEW.
        var datasetLevel = schema >= 1 && schema == path.Count - 2 && schema <= 2
            && !path[schema - 1].StartsWith("region-", StringComparison.OrdinalIgnoreCase)
            && DatasetViews.Contains(path[^1])
            && catalogDatasets.Contains(path[schema - 1]);
        return datasetLevel ? null : $"Table not allowed: {display} (INFORMATION_SCHEMA is allowed only for a dataset's TABLES, COLUMNS, PARTITIONS and the like)";
    }
}
