using System.Collections.Concurrent;
using System.Globalization;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Queries;
using Autopilot.Core.Storage;

namespace Autopilot.Core.Agent;

/// <summary>
/// The values of the catalog's dimension columns (channel, country, status, event name), looked up through the one query
/// path — gated, costed, audited and cached like any query — so a planner filters only on values the data holds. Bounded:
/// one DISTINCT per column, at most <see cref="CatalogRoles.MaxDimensionValues"/> + 1 rows. Kept per tenant until the
/// catalog is profiled again.
/// </summary>
public sealed class DimensionValueLookup
{
    private const int MaxTenantsKept = 1000;

    private readonly QueryPath _queries;
    private readonly ConcurrentDictionary<string, (string Stamp, IReadOnlyList<ColumnValues> Values)> _known = new(StringComparer.Ordinal);

    public DimensionValueLookup(QueryPath queries) => _queries = queries;

    public async Task<IReadOnlyList<ColumnValues>> ValuesAsync(string tenantId, AgentCatalog catalog, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var stamp = string.Join('|', catalog.Tables.Select(t => $"{t.ConnectionId}.{t.Dataset}.{t.Table}@{t.ProfiledAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));
        if (_known.TryGetValue(tenantId, out var kept) && kept.Stamp == stamp)
        {
            return kept.Values;
        }

        var values = new List<ColumnValues>();
        foreach (var (table, column, sql) in Lookups(catalog))
        {
            try
            {
                var plan = await _queries.PlanAsync(tenantId, table.Table.ConnectionId, sql, cancellation);
                if (plan.Status != QueryPlanStatus.Ready)
                {
                    continue; // blocked or needing approval: its values stay unknown, and filters on it ask
                }

                var outcome = await _queries.RunAsync(plan, "values-" + Ids.Sha256Hex(tenantId + "\n" + sql)[..16], showPii: false, null, cancellation);
                var found = outcome.Rows.Select(r => r.TryGetValue("value", out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null).OfType<string>().ToList();
                if (found.Count <= CatalogRoles.MaxDimensionValues && outcome.RedactedColumns.Count == 0)
                {
                    values.Add(new ColumnValues(table.Table.Dataset, table.Name, column, found));
                }
            }
            catch (Exception failure) when (failure is QueryBlockedException or Workflows.WorkflowStepException or InvalidOperationException or TimeoutException)
            {
                // An unavailable warehouse leaves the values unknown; questions that filter then ask instead of guessing.
            }
        }

        if (_known.Count >= MaxTenantsKept)
        {
            _known.Clear();
        }

        _known[tenantId] = (stamp, values);
        return values;
    }

    /// <summary>The lookups for a catalog: each dimension column of the tables the planner uses, with its bounded query.</summary>
    internal static IEnumerable<(PlanTable Table, string Column, string Sql)> Lookups(AgentCatalog catalog)
    {
        foreach (var table in CatalogRoles.Find(catalog).Tables)
        {
            foreach (var column in CatalogRoles.Dimensions(table))
            {
                var where = table.TimeColumn is null ? string.Empty : $" WHERE {table.UpToNow()}";
                yield return (table, column.Column, $"SELECT DISTINCT {table.Ref(column.Column)} AS value FROM {table.Sql} AS {table.Alias}{where} LIMIT {PlanSql.Number((int)CatalogRoles.MaxDimensionValues + 1)}");
            }
        }
    }

    /// <summary>The lookup queries, for tests and tools that run them elsewhere.</summary>
    public static IReadOnlyList<(string Dataset, string Table, string Column, string Sql)> Queries(AgentCatalog catalog) =>
        Lookups(catalog).Select(l => (l.Table.Table.Dataset, l.Table.Name, l.Column, l.Sql)).ToList();
}
