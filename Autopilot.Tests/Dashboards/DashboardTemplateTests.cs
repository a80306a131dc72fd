using Autopilot.Core.Dashboards;
using Autopilot.Core.Sql;
using Autopilot.Tests.Agent.Planning;

namespace Autopilot.Tests.Dashboards;

/// <summary>
/// The dashboard templates on the demo warehouse's catalog: which dashboards the catalog supports, every card's SQL
/// admitted by the gate, and each card's numbers equal to the test's own DuckDB SQL.
/// </summary>
public sealed class DashboardTemplateTests(DemoPlanningCatalog demo) : IClassFixture<DemoPlanningCatalog>
{
    [Fact]
    public void The_demo_catalog_gets_exec_overview_revenue_and_volume_and_data_health_with_cards_from_its_roles()
    {
        var dashboards = DashboardTemplates.For(demo.Catalog);

        Assert.Equal([DashboardTemplates.ExecOverview, DashboardTemplates.RevenueVolume, DashboardTemplates.DataHealth], dashboards.Select(d => d.Key));
        Assert.Equal(["dau_trend", "wau", "mau", "daily_revenue"], dashboards[0].Cards.Select(c => c.Key));
        Assert.Equal(["daily_orders", "average_order_value", "revenue_30d", "revenue_by_status"], dashboards[1].Cards.Select(c => c.Key));
        // config has no time column: it has no rows-per-day card.
        Assert.Equal(["rows_analytics_events", "rows_analytics_orders", "rows_analytics_users"], dashboards[2].Cards.Select(c => c.Key));
    }

    [Fact]
    public void A_catalog_without_transactions_gets_no_revenue_cards_and_an_empty_catalog_an_exec_overview_without_cards()
    {
        var withoutOrders = demo.Catalog with
        {
            Tables = demo.Catalog.Tables.Where(t => t.Table != "orders").ToList(),
            Columns = demo.Catalog.Columns.Where(c => c.Table != "orders").ToList(),
        };

        var dashboards = DashboardTemplates.For(withoutOrders);
        Assert.DoesNotContain(dashboards, d => d.Key == DashboardTemplates.RevenueVolume);
        Assert.Equal(["dau_trend", "wau", "mau"], dashboards[0].Cards.Select(c => c.Key));

        var empty = Assert.Single(DashboardTemplates.For(Core.Agent.AgentCatalog.Empty));
        Assert.Empty(empty.Cards);
    }

    public static TheoryData<string, string> Truths => new()
    {
        { "dau_trend", "SELECT CAST(\"timestamp\" AS DATE) AS day, COUNT(DISTINCT user_id) AS dau FROM analytics.events WHERE \"timestamp\" >= {today} - INTERVAL 90 DAY AND \"timestamp\" < {today} GROUP BY 1 ORDER BY 1" },
        { "wau", "SELECT COUNT(DISTINCT user_id) FROM analytics.events WHERE \"timestamp\" >= {today} - INTERVAL 7 DAY AND \"timestamp\" < {today}" },
        { "mau", "SELECT COUNT(DISTINCT user_id) FROM analytics.events WHERE \"timestamp\" >= {today} - INTERVAL 30 DAY AND \"timestamp\" < {today}" },
        { "daily_revenue", "SELECT CAST(created_at AS DATE), SUM(amount) FROM analytics.orders WHERE created_at >= {today} - INTERVAL 90 DAY AND created_at < {today} GROUP BY 1 ORDER BY 1" },
        { "daily_orders", "SELECT CAST(created_at AS DATE), COUNT(*) FROM analytics.orders WHERE created_at >= {today} - INTERVAL 90 DAY AND created_at < {today} GROUP BY 1 ORDER BY 1" },
        { "average_order_value", "SELECT AVG(amount) FROM analytics.orders WHERE created_at >= {today} - INTERVAL 30 DAY AND created_at < {today}" },
        { "revenue_30d", "SELECT SUM(amount) FROM analytics.orders WHERE created_at >= {today} - INTERVAL 30 DAY AND created_at < {today}" },
        { "revenue_by_status", "SELECT status, SUM(amount) AS r FROM analytics.orders WHERE created_at >= {today} - INTERVAL 30 DAY AND created_at < {today} GROUP BY 1 ORDER BY r DESC LIMIT 20" },
        { "rows_analytics_users", "SELECT CAST(created_at AS DATE), COUNT(*) FROM analytics.users WHERE created_at >= {today} - INTERVAL 90 DAY AND created_at < {today} GROUP BY 1 ORDER BY 1" },
    };

    [Theory]
    [MemberData(nameof(Truths))]
    public void Each_card_passes_the_gate_and_its_numbers_equal_the_hand_written_query(string card, string truth)
    {
        var spec = DashboardTemplates.For(demo.Catalog).SelectMany(d => d.Cards).Single(c => c.Key == card);
        var decision = SqlGate.Evaluate(spec.Sql, demo.Gate);
        Assert.True(decision.Allowed, string.Join(" | ", decision.Reasons));

        using var answers = new DemoAnswers(demo.Path);
        var (actual, expected) = answers.Run(decision.Print(SqlDialect.DuckDb)!, truth);

        Assert.NotEmpty(expected.Rows);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        for (var i = 0; i < expected.Rows.Count; i++)
        {
            Assert.Equal(expected.Rows[i].Length, actual.Rows[i].Length);
            for (var j = 0; j < expected.Rows[i].Length; j++)
            {
                if (expected.Rows[i][j] is double number)
                {
                    Assert.Equal(number, Convert.ToDouble(actual.Rows[i][j], System.Globalization.CultureInfo.InvariantCulture), 6);
                }
                else
                {
                    Assert.Equal(expected.Rows[i][j], actual.Rows[i][j]);
                }
            }
        }
    }

    [Fact]
    public void Every_card_of_every_template_is_admitted_by_the_gate()
    {
        foreach (var card in DashboardTemplates.For(demo.Catalog).SelectMany(d => d.Cards))
        {
            var decision = SqlGate.Evaluate(card.Sql, demo.Gate);
            Assert.True(decision.Allowed, $"{card.Key}: {string.Join(" | ", decision.Reasons)}");
        }
    }
}
