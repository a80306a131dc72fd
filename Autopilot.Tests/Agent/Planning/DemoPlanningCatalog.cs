using Autopilot.Core.Agent;
using Autopilot.Core.Catalog;
using Autopilot.Core.Pii;
using Autopilot.Core.Sql;
using Autopilot.Core.Warehouse;
using Autopilot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// The demo warehouse's catalog as a profile stores it (introspection, exact profiles, PII tags from the classifier,
/// mapped as PersistCatalogActivity maps them) and the gate's policies derived from it as the query path derives them.
/// </summary>
public sealed class DemoPlanningCatalog : IAsyncLifetime
{
    public const string ConnectionId = "conn_demo";

    public string Path => SharedDemoWarehouse.Path;

    public AgentCatalog Catalog { get; private set; } = AgentCatalog.Empty;

    public SqlGateContext Gate { get; private set; } = SqlGateContext.Default;

    public async Task InitializeAsync()
    {
        var now = new DateTimeOffset(SharedDemoWarehouse.Today.ToDateTime(new TimeOnly(1, 30)), TimeSpan.Zero);
        var warehouse = new DuckDbWarehouse(Path, new FakeTimeProvider(now));
        var schema = await warehouse.IntrospectAsync(CancellationToken.None);
        var tables = new List<CatalogTable>();
        var columns = new List<CatalogColumn>();
        foreach (var table in schema.Tables)
        {
            var profile = await warehouse.ProfileTableAsync(table, new ProfileOptions(Sampling: false), CancellationToken.None);
            tables.Add(new CatalogTable(ConnectionId, table.Dataset, table.Name, profile.RowCount, table.Bytes, table.PartitionColumn,
                profile.TimeColumn, profile.LatestAt, profile.FreshnessHours, profile.MissingDays, now));
            foreach (var column in profile.Columns)
            {
                var tag = PiiClassifier.Classify(column);
                columns.Add(new CatalogColumn(ConnectionId, table.Dataset, table.Name, column.Name, column.DataType, column.NullPct,
                    column.DistinctCount, column.Min, column.Max, tag?.PiiType, tag?.Confidence ?? 0, tag is { Confidence: >= 80 }, tag?.Evidence));
            }
        }

        Catalog = new AgentCatalog(tables, columns);
        Gate = new SqlGateContext(SqlGateOptions.Default, PoliciesOf(Catalog));
        Catalog = Catalog with { Values = LookUpValues(Catalog, Gate, Path) };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The dimension values the run looks up through the query path: the same queries, through the gate, on DuckDB.</summary>
    public static IReadOnlyList<ColumnValues> LookUpValues(AgentCatalog catalog, SqlGateContext gate, string path)
    {
        using var answers = new DemoAnswers(path);
        var values = new List<ColumnValues>();
        foreach (var (dataset, table, column, sql) in DimensionValueLookup.Queries(catalog))
        {
            var decision = SqlGate.Evaluate(sql, gate);
            if (!decision.Allowed || decision.Reasons.Count > 0)
            {
                throw new InvalidOperationException($"The gate does not admit the value lookup unchanged: {sql}: {string.Join(" | ", decision.Reasons)}");
            }

            values.Add(new ColumnValues(dataset, table, column, answers.Read(decision.Print(SqlDialect.DuckDb)!).Rows.Select(r => (string)r[0]!).ToList()));
        }

        return values;
    }

    /// <summary>Time-filter policies from a catalog, as the query path builds them.</summary>
    public static IReadOnlyDictionary<string, SqlTablePolicy> PoliciesOf(AgentCatalog catalog)
    {
        var policies = new Dictionary<string, SqlTablePolicy>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in catalog.Tables)
        {
            var time = table.PartitionColumn ?? table.TimeColumn;
            var type = catalog.Columns.FirstOrDefault(c => c.Dataset == table.Dataset && c.Table == table.Table && c.Column == time)?.DataType;
            var timeType = type switch
            {
                "DATE" => SqlTimeColumnType.Date,
                "DATETIME" => SqlTimeColumnType.DateTime,
                _ => SqlTimeColumnType.Timestamp,
            };
            policies[$"{table.Dataset}.{table.Table}"] = new SqlTablePolicy(time, table.RowCount, table.Bytes, timeType, table.PartitionColumn is not null);
        }

        return policies;
    }
}

/// <summary>Planning tests share one profiled demo catalog.</summary>
[CollectionDefinition(Name)]
public sealed class DemoPlanningCollection : ICollectionFixture<DemoPlanningCatalog>
{
    public const string Name = "demo-planning-catalog";
}
