using Autopilot.Core.Agent;
using Autopilot.Core.Catalog;

namespace Autopilot.Tests.Agent.Llm;

/// <summary>Catalogs for the planner's tests: the demo's shape, with sampled values and PII evidence that must never reach a prompt.</summary>
internal static class PlannerTestCatalog
{
    public const string SampledEmail = "alice.sample@example.com";
    public const string SampledCountry = "Freedonia-sampled";
    public const string PiiEvidence = "matched 97% like bob.evidence@example.org";

    private static readonly DateTimeOffset ProfiledAt = new(2026, 2, 17, 6, 0, 0, TimeSpan.Zero);

    public static AgentCatalog Demo() => new(
        [Table("users", 1200, "created_at"), Table("events", 12000, "timestamp"), Table("orders", 5500, "created_at")],
        [
            Column("users", "user_id", "VARCHAR", distinct: 1200, min: "u_0001", max: "u_1200"),
            Column("users", "email", "VARCHAR", distinct: 1187, min: SampledEmail, max: "zed.sample@example.com", piiType: "email", pii: true, evidence: PiiEvidence),
            Column("users", "created_at", "TIMESTAMP", distinct: 1190, min: "2026-01-01T00:00:00Z", max: "2026-02-16T23:10:00Z"),
            Column("users", "channel", "VARCHAR", distinct: 5, min: "affiliate", max: "paid_social"),
            Column("users", "country", "VARCHAR", distinct: 12, min: "Aland-sampled-min", max: SampledCountry),
            Column("events", "event_id", "VARCHAR", distinct: 12000),
            Column("events", "user_id", "VARCHAR", distinct: 1150),
            Column("events", "event_name", "VARCHAR", distinct: 6, min: "add_to_cart", max: "view_item"),
            Column("events", "timestamp", "TIMESTAMP", distinct: 11900, min: "2026-02-03T00:00:00Z", max: "2026-02-16T23:59:00Z"),
            Column("orders", "order_id", "VARCHAR", distinct: 5500),
            Column("orders", "user_id", "VARCHAR", distinct: 900),
            Column("orders", "amount", "DOUBLE", distinct: 3000, min: "1.5", max: "998.25"),
            Column("orders", "status", "VARCHAR", distinct: 4, min: "cancelled", max: "refunded"),
            Column("orders", "created_at", "TIMESTAMP", distinct: 5400, min: "2026-02-03T00:00:00Z", max: "2026-02-16T22:00:00Z"),
        ]);

    public static CatalogTable Table(string name, long rows, string? timeColumn, string dataset = "analytics") =>
        new("conn_1", dataset, name, rows, rows * 100, timeColumn, timeColumn, ProfiledAt, 2, [], ProfiledAt);

    public static CatalogColumn Column(
        string table, string column, string type, long distinct, string? min = null, string? max = null, string? piiType = null,
        bool pii = false, string? evidence = null, string dataset = "analytics") =>
        new("conn_1", dataset, table, column, type, 0.5, distinct, min, max, piiType, pii ? 95 : 0, pii, evidence);
}
