using System.Globalization;
using Autopilot.Core.Agent;
using Autopilot.Core.Agent.Planning;
using Autopilot.Core.Catalog;
using Autopilot.Core.Sql;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// The planner finds tables by role, not by the demo's names: over a shop with customers, activity and payments it
/// writes queries on those tables and columns, and they answer as the test's own SQL does.
/// </summary>
public sealed class CatalogRoleTests : IDisposable
{
    private static readonly DateTimeOffset ProfiledAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public CatalogRoleTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    public static AgentCatalog Shop { get; } = new(
        [Table("customers", 200, "signed_up_at"), Table("activity", 5000, "occurred_at"), Table("payments", 1000, "paid_at")],
        [
            Column("customers", "customer_id", "STRING", 200), Column("customers", "email", "STRING", 200, pii: true),
            Column("customers", "region", "STRING", 4), Column("customers", "signed_up_at", "TIMESTAMP", 200),
            Column("activity", "activity_id", "STRING", 5000), Column("activity", "customer_id", "STRING", 200),
            Column("activity", "action", "STRING", 5), Column("activity", "occurred_at", "TIMESTAMP", 5000),
            Column("payments", "payment_id", "STRING", 1000), Column("payments", "customer_id", "STRING", 200),
            Column("payments", "total", "NUMERIC", 90), Column("payments", "state", "STRING", 3), Column("payments", "paid_at", "TIMESTAMP", 1000),
        ])
    {
        // What the value lookup finds in the tables the test creates below.
        Values =
        [
            new ColumnValues("shop", "customers", "region", ["north", "south", "east", "west"]),
            new ColumnValues("shop", "activity", "action", ["login", "view", "cart", "buy", "logout"]),
            new ColumnValues("shop", "payments", "state", ["settled", "pending", "voided"]),
        ],
    };

    public static TheoryData<string, string> Questions => new()
    {
        { "Top 3 regions by revenue in the last 30 days",
            "SELECT c.region AS region, SUM(p.total) AS revenue FROM shop.payments p JOIN shop.customers c ON c.customer_id = p.customer_id WHERE CAST(p.paid_at AS DATE) BETWEEN {today} - 30 AND {today} - 1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3" },
        { "Daily active customers over the last 14 days",
            "SELECT CAST(occurred_at AS DATE) AS day, COUNT(DISTINCT customer_id) AS active_users FROM shop.activity WHERE CAST(occurred_at AS DATE) BETWEEN {today} - 14 AND {today} - 1 GROUP BY 1 ORDER BY 1" },
        { "Settled payments per day over the last 7 days",
            "SELECT CAST(paid_at AS DATE) AS day, COUNT(*) AS payments FROM shop.payments WHERE state = 'settled' AND CAST(paid_at AS DATE) BETWEEN {today} - 7 AND {today} - 1 GROUP BY 1 ORDER BY 1" },
        { "Payments by state in the last 7 days",
            "SELECT state, COUNT(*) AS payments FROM shop.payments WHERE CAST(paid_at AS DATE) BETWEEN {today} - 7 AND {today} - 1 GROUP BY 1 ORDER BY 2 DESC, 1" },
        { "How many buy events in the last 7 days?",
            "SELECT COUNT(*) AS events FROM shop.activity WHERE action = 'buy' AND CAST(occurred_at AS DATE) BETWEEN {today} - 7 AND {today} - 1" },
        { "New customers by region in the last 30 days",
            "SELECT region, COUNT(*) AS new_customers FROM shop.customers WHERE CAST(signed_up_at AS DATE) BETWEEN {today} - 30 AND {today} - 1 GROUP BY 1 ORDER BY 2 DESC, 1" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void A_catalog_with_other_names_is_read_by_role_and_answered(string question, string expectedSql)
    {
        var plan = DeterministicPlanner.Plan(question, Shop, new DateOnly(2026, 11, 20));

        Assert.NotNull(plan);
        var sql = plan.Steps[0].Sql;
        Assert.Contains("shop.", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("analytics", sql, StringComparison.Ordinal);
        Assert.Empty(PlanValidator.Validate(plan, Shop));
        var decision = SqlGate.Evaluate(sql, new SqlGateContext(SqlGateOptions.Default, DemoPlanningCatalog.PoliciesOf(Shop)));
        Assert.True(decision.Allowed && decision.Reasons.Count == 0, string.Join(" | ", decision.Reasons));

        using var transaction = _connection.BeginTransaction();
        Execute("""
            CREATE SCHEMA shop;
            CREATE TABLE shop.customers AS
                SELECT printf('c%03d', i) AS customer_id, printf('c%03d@example.com', i) AS email,
                    ['north', 'south', 'east', 'west'][1 + i % 4] AS region,
                    CAST(CAST(now() AT TIME ZONE 'UTC' AS DATE) AS TIMESTAMP) - INTERVAL (i % 45) DAY + INTERVAL (i * 37 % 86400) SECOND AS signed_up_at
                FROM range(200) t(i);
            CREATE TABLE shop.activity AS
                SELECT printf('a%05d', i) AS activity_id, printf('c%03d', i * 13 % 200) AS customer_id,
                    ['login', 'view', 'cart', 'buy', 'logout'][1 + i % 5] AS action,
                    CAST(CAST(now() AT TIME ZONE 'UTC' AS DATE) AS TIMESTAMP) - INTERVAL (1 + i % 40) DAY + INTERVAL (i * 7 % 86400) SECOND AS occurred_at
                FROM range(5000) t(i);
            CREATE TABLE shop.payments AS
                SELECT printf('p%05d', i) AS payment_id, printf('c%03d', i * 7 % 200) AS customer_id,
                    CAST(10 + (i * 31 % 90) + 0.25 * (i % 4) AS DECIMAL(10, 2)) AS total,
                    ['settled', 'pending', 'voided'][1 + i % 3] AS state,
                    CAST(CAST(now() AT TIME ZONE 'UTC' AS DATE) AS TIMESTAMP) - INTERVAL (1 + i % 35) DAY + INTERVAL (i * 11 % 86400) SECOND AS paid_at
                FROM range(1000) t(i);
            """);
        var today = Read("SELECT CAST(now() AT TIME ZONE 'UTC' AS DATE) AS d").Rows[0][0]!;
        var actual = Read(decision.Print(SqlDialect.DuckDb)!);
        var expected = Read(expectedSql.Replace("{today}", $"DATE '{((DateOnly)today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'", StringComparison.Ordinal));
        transaction.Rollback();

        Assert.NotEmpty(expected.Rows);
        PlannerAnswerTests.AssertSameAnswer(expected, actual, sql);
    }

    [Fact]
    public void Roles_are_found_from_ids_time_columns_names_and_amounts()
    {
        var roles = CatalogRoles.Find(Shop);

        Assert.Equal(("customers", "customer_id", "customer_id"), (roles.Entity?.Name, roles.EntityKey, roles.LinkColumn));
        Assert.Equal(("activity", "action"), (roles.Events?.Name, roles.EventName));
        Assert.Equal(("payments", "total", "state"), (roles.Transactions?.Name, roles.Amount, roles.Status));
        Assert.Equal(["region"], CatalogRoles.Dimensions(roles.Entity!).Select(c => c.Column));
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private ResultTable Read(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : DemoAnswers.Normalize(reader.GetValue(i))).ToArray());
        }

        return new ResultTable(columns, rows);
    }

    private static CatalogTable Table(string name, long rows, string partition) =>
        new("conn_shop", "shop", name, rows, rows * 100, partition, partition, ProfiledAt, 1, [], ProfiledAt);

    private static CatalogColumn Column(string table, string name, string type, long distinct, bool pii = false) =>
        new("conn_shop", "shop", table, name, type, 0, distinct, null, null, pii ? "email" : null, pii ? 95 : 0, pii, pii ? "value_pattern" : null);
}
