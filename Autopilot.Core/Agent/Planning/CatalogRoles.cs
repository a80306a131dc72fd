using Autopilot.Core.Catalog;

namespace Autopilot.Core.Agent.Planning;

/// <summary>
/// The parts of a catalog the planner's questions are about, found by role rather than by name: the entity (a table
/// whose id other tables carry, e.g. users), the event table (time, an event-name column and the entity id), the
/// transactions table (time, an amount-like number, usually a status) and the low-cardinality dimensions of each.
/// </summary>
internal sealed record CatalogRoles(
    PlanTable? Entity,
    string? EntityKey,
    string? LinkColumn,
    PlanTable? Events,
    string? EventName,
    PlanTable? Transactions,
    string? Amount,
    string? Status)
{
    /// <summary>Most distinct values a text column may have to count as a dimension (channel, country, status).</summary>
    public const long MaxDimensionValues = 200;

    private static readonly string[] EventNameColumns = ["event_name", "event_type", "event", "action", "event_action", "name", "type"];

    private static readonly string[] AmountColumns =
        ["amount", "revenue", "total_amount", "order_total", "amount_usd", "total", "grand_total", "price", "value", "sales", "subtotal"];

    private static readonly string[] StatusColumns = ["status", "order_status", "payment_status", "state"];

    private static readonly string[] TransactionTableWords = ["order", "transaction", "payment", "purchase", "sale", "invoice", "charge"];

    public static CatalogRoles Find(AgentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var tables = catalog.Tables
            .Select(t => (Table: t, Columns: catalog.ColumnsOf(t.Dataset, t.Table).ToList()))
            .Where(t => t.Columns.Count > 0)
            .ToList();

        var (entity, entityKey, link) = FindEntity(tables);
        var linked = tables.Where(t => t.Table != entity?.Table).ToList();
        link ??= linked.SelectMany(t => t.Columns).Select(c => c.Column)
            .FirstOrDefault(c => c is "user_id" or "customer_id" or "account_id" or "client_id" or "visitor_id" or "anonymous_id");

        var events = linked
            .Where(t => HasTime(t) && (link is null || Has(t.Columns, link)) && EventNameOf(t.Columns) is not null)
            .OrderByDescending(t => t.Table.Table.Contains("event", StringComparison.OrdinalIgnoreCase))
            .ThenBy(t => Array.IndexOf(EventNameColumns, EventNameOf(t.Columns)!))
            .FirstOrDefault();
        var transactions = linked
            .Where(t => t.Table != events.Table && HasTime(t) && AmountOf(t.Columns) is not null)
            .OrderByDescending(t => TransactionTableWords.Any(w => t.Table.Table.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(t => StatusOf(t.Columns) is not null)
            .FirstOrDefault();

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        PlanTable Plan(CatalogTable table, List<CatalogColumn> columns) => new(table, columns, AliasFor(table.Table, aliases))
        {
            Values = catalog.Values
                .Where(v => string.Equals(v.Dataset, table.Dataset, StringComparison.OrdinalIgnoreCase) && string.Equals(v.Table, table.Table, StringComparison.OrdinalIgnoreCase))
                .GroupBy(v => v.Column, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().Values, StringComparer.OrdinalIgnoreCase),
        };

        var entityTable = entity is { } e ? Plan(e.Table, e.Columns) : null;
        var eventTable = events.Table is not null ? Plan(events.Table, events.Columns) : null;
        var transactionTable = transactions.Table is not null ? Plan(transactions.Table, transactions.Columns) : null;
        return new CatalogRoles(
            entityTable,
            entityKey,
            link,
            eventTable,
            eventTable is null ? null : EventNameOf(events.Columns),
            transactionTable,
            transactionTable is null ? null : AmountOf(transactions.Columns),
            transactionTable is null ? null : StatusOf(transactions.Columns));
    }

    /// <summary>The tables the planner knows a role for, entity first.</summary>
    public IEnumerable<PlanTable> Tables => new[] { Entity, Events, Transactions }.OfType<PlanTable>();

    /// <summary>True when rows of <paramref name="table"/> carry the entity's id, so the entity can be joined in.</summary>
    public bool Links(PlanTable table) =>
        Entity is not null && EntityKey is not null && LinkColumn is not null && table != Entity && table.Column(LinkColumn) is not null;

    /// <summary>The column that identifies the entity (a user) in rows of <paramref name="table"/>.</summary>
    public string? EntityIdIn(PlanTable table) => table == Entity ? EntityKey : table.Column(LinkColumn) is not null ? LinkColumn : null;

    /// <summary>
    /// Text columns with few distinct values (channel, country, status, event name): what questions group and filter
    /// by. Never a PII column, an id, or the time column.
    /// </summary>
    public static IEnumerable<CatalogColumn> Dimensions(PlanTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Columns.Where(c =>
            string.Equals(c.DataType, "STRING", StringComparison.OrdinalIgnoreCase)
            && c.DistinctCount is > 0 and <= MaxDimensionValues
            && !CatalogColumnFacts.IsPiiOrSuspect(c)
            && !IsIdName(c.Column)
            && !string.Equals(c.Column, table.TimeColumn, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsIdName(string column) =>
        string.Equals(column, "id", StringComparison.OrdinalIgnoreCase) || column.EndsWith("_id", StringComparison.OrdinalIgnoreCase);

    // The entity is the table whose own id (users → user_id, or id) the most other tables carry.
    private static ((CatalogTable Table, List<CatalogColumn> Columns)? Table, string? Key, string? Link) FindEntity(
        List<(CatalogTable Table, List<CatalogColumn> Columns)> tables)
    {
        (CatalogTable Table, List<CatalogColumn> Columns)? best = null;
        string? bestKey = null, bestLink = null;
        var bestScore = 0;
        foreach (var candidate in tables)
        {
            var singular = Words.Singular(candidate.Table.Table.ToLowerInvariant());
            foreach (var (key, link) in new[] { ($"{singular}_id", $"{singular}_id"), ("id", $"{singular}_id") })
            {
                if (candidate.Columns.FirstOrDefault(c => string.Equals(c.Column, key, StringComparison.OrdinalIgnoreCase)) is not { } keyColumn
                    || CatalogColumnFacts.IsPii(keyColumn))
                {
                    continue;
                }

                var score = tables.Count(t => t.Table != candidate.Table && Has(t.Columns, link));
                if (score > bestScore)
                {
                    (best, bestKey, bestLink, bestScore) = (candidate, keyColumn.Column, link, score);
                }
            }
        }

        return (best, bestKey, bestLink);
    }

    private static bool HasTime((CatalogTable Table, List<CatalogColumn> Columns) table) =>
        (table.Table.PartitionColumn ?? table.Table.TimeColumn) is { } time
        && table.Columns.Any(c => string.Equals(c.Column, time, StringComparison.OrdinalIgnoreCase) && CatalogColumnFacts.IsTemporal(c.DataType));

    private static bool Has(List<CatalogColumn> columns, string name) =>
        columns.Any(c => string.Equals(c.Column, name, StringComparison.OrdinalIgnoreCase));

    private static string? EventNameOf(List<CatalogColumn> columns) =>
        EventNameColumns.Select(name => columns.FirstOrDefault(c =>
                string.Equals(c.Column, name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(c.DataType, "STRING", StringComparison.OrdinalIgnoreCase)
                && !CatalogColumnFacts.IsPiiOrSuspect(c)))
            .FirstOrDefault(c => c is not null)?.Column;

    private static string? AmountOf(List<CatalogColumn> columns)
    {
        var numeric = columns.Where(c => CatalogColumnFacts.IsNumeric(c.DataType) && !IsIdName(c.Column) && !CatalogColumnFacts.IsPiiOrSuspect(c)).ToList();
        return AmountColumns.Select(name => numeric.FirstOrDefault(c => string.Equals(c.Column, name, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c is not null)?.Column
            ?? numeric.FirstOrDefault(c => c.Column.Contains("amount", StringComparison.OrdinalIgnoreCase)
                || c.Column.Contains("revenue", StringComparison.OrdinalIgnoreCase)
                || c.Column.Contains("total", StringComparison.OrdinalIgnoreCase)
                || c.Column.Contains("price", StringComparison.OrdinalIgnoreCase))?.Column;
    }

    private static string? StatusOf(List<CatalogColumn> columns) =>
        columns.Where(c => string.Equals(c.DataType, "STRING", StringComparison.OrdinalIgnoreCase) && !CatalogColumnFacts.IsPiiOrSuspect(c))
            .Select(c => c.Column)
            .OrderBy(c => Array.FindIndex(StatusColumns, s => string.Equals(s, c, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : int.MaxValue)
            .FirstOrDefault(c => StatusColumns.Contains(c, StringComparer.OrdinalIgnoreCase) || c.EndsWith("_status", StringComparison.OrdinalIgnoreCase));

    private static string AliasFor(string table, HashSet<string> taken)
    {
        var letters = new string(table.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray());
        for (var length = 1; length <= letters.Length; length++)
        {
            var alias = letters[..length];
            if (PlanSql.Name(alias) == alias && taken.Add(alias))
            {
                return alias;
            }
        }

        for (var n = 1; ; n++)
        {
            var alias = $"t{PlanSql.Number(n)}";
            if (taken.Add(alias))
            {
                return alias;
            }
        }
    }
}
