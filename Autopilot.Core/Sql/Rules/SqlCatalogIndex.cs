namespace Autopilot.Core.Sql;

/// <summary>Finds a table's catalog entry: by <c>dataset.table</c>, or by table name when the query omits the dataset.</summary>
internal static class SqlCatalogIndex
{
    public static (string Key, SqlTablePolicy Policy)? Find(IReadOnlyDictionary<string, SqlTablePolicy> catalog, SqlList<string> path)
    {
        if (catalog.Count == 0)
        {
            return null;
        }

        var table = path[^1];
        string? dataset = path.Count >= 2 ? path[^2] : null;
        if (dataset is not null && catalog.TryGetValue($"{dataset}.{table}", out var exact))
        {
            return ($"{dataset}.{table}", exact);
        }

        // Case-insensitively, so `Analytics.EVENTS` cannot slip past a policy (DuckDB names are case-insensitive).
        foreach (var (key, policy) in catalog)
        {
            var (keyDataset, keyTable) = Split(key);
            if (string.Equals(keyTable, table, StringComparison.OrdinalIgnoreCase)
                && (dataset is null || string.Equals(keyDataset, dataset, StringComparison.OrdinalIgnoreCase)))
            {
                return (key, policy);
            }
        }

        return null;
    }

    /// <summary>The datasets the catalog covers.</summary>
    public static HashSet<string> Datasets(IReadOnlyDictionary<string, SqlTablePolicy> catalog)
    {
        var datasets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in catalog.Keys)
        {
            if (Split(key).Dataset is { } dataset)
            {
                datasets.Add(dataset);
            }
        }

        return datasets;
    }

    private static (string? Dataset, string Table) Split(string key)
    {
        var dot = key.LastIndexOf('.');
        if (dot < 0)
        {
            return (null, key);
        }

        var start = key.LastIndexOf('.', Math.Max(dot - 1, 0)) + 1;
        return (key[start..dot], key[(dot + 1)..]);
    }
}
