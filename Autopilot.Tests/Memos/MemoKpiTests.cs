using Autopilot.Core.Memos;
using Autopilot.Core.Sql;
using Autopilot.Tests.Agent.Planning;

namespace Autopilot.Tests.Memos;

/// <summary>
/// KPIs come from the catalog's roles, not from names fixed in code: a shop whose tables are customers, activity and
/// payments gets active customers, revenue from its total and a payment count, split by its own low-cardinality
/// dimensions (never PII), in SQL the gate's parser reads completely.
/// </summary>
public sealed class MemoKpiTests
{
    private static readonly MemoWindows Windows = MemoWindows.For(new DateOnly(2026, 12, 7), "Europe/Berlin");

    [Fact]
    public void A_catalog_with_other_names_gets_its_own_kpis_and_dimensions()
    {
        var plan = MemoKpis.For(CatalogRoleTests.Shop, Windows);

        Assert.Equal([MemoKpis.ActiveUsers, MemoKpis.Revenue, "Payments"], plan.Kpis.Select(k => k.MetricName));
        Assert.Equal(["shop.activity", "shop.payments", "shop.payments"], plan.Kpis.Select(k => k.Table));
        Assert.Contains("COUNT(DISTINCT CASE WHEN", plan.Kpis[0].ValueSql, StringComparison.Ordinal);
        Assert.Contains("customer_id", plan.Kpis[0].ValueSql, StringComparison.Ordinal);
        Assert.Contains("SUM(CASE WHEN", plan.Kpis[1].ValueSql, StringComparison.Ordinal);
        Assert.Contains(".total", plan.Kpis[1].ValueSql, StringComparison.Ordinal);
        Assert.Equal(["action", "region"], plan.Kpis[0].Segments.Select(s => s.Dimension));
        Assert.Equal(["state", "region"], plan.Kpis[1].Segments.Select(s => s.Dimension));
        Assert.DoesNotContain(plan.Kpis.SelectMany(k => k.Segments), s => s.Dimension == "email");
        Assert.DoesNotContain("analytics", string.Join(" ", plan.Kpis.Select(k => k.ValueSql)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_query_is_one_statement_the_gate_parses_bounded_by_the_tenants_midnights()
    {
        var plan = MemoKpis.For(CatalogRoleTests.Shop, Windows);
        var queries = plan.Kpis.SelectMany(k => new[] { k.ValueSql, k.SeriesSql }.Concat(k.Segments.Select(s => s.Sql))).ToList();

        Assert.All(queries, sql => Assert.Null(SqlParser.Parse(sql).Failure));
        // Berlin is UTC+1 in winter: its midnight of 2026-11-23 is 23:00 UTC the day before.
        Assert.All(queries, sql => Assert.Contains("TIMESTAMP '2026-11-22 23:00:00'", sql, StringComparison.Ordinal));
        Assert.All(queries, sql => Assert.Contains("TIMESTAMP '2026-12-06 23:00:00'", sql, StringComparison.Ordinal));
        Assert.Contains("DATE(a.occurred_at, 'Europe/Berlin') >= DATE '2026-11-30'", plan.Kpis[0].ValueSql, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_notes_name_delays_of_six_hours_or_more_and_empty_tables_in_catalog_order()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Autopilot.Core.Catalog.CatalogTable Table(string name, long rows, double? hours) => new("c", "ds", name, rows, 0, null, "t", null, hours, [], at);
        var catalog = new Autopilot.Core.Agent.AgentCatalog([Table("late", 5, 6.4), Table("fresh", 5, 5.99), Table("empty", 0, null), Table("old", 0, 720)], []);

        Assert.Equal(["ds.late table had 6-hour delay", "ds.empty has zero rows", "ds.old table had 720-hour delay", "ds.old has zero rows"], MemoKpis.CatalogNotes(catalog));
    }
}
