using System.Reflection;
using Autopilot.Core.Caching;
using Autopilot.Core.Storage;
using Autopilot.Core.Tenants.Data;
using Autopilot.Core.Tenants.Purge;

namespace Autopilot.Tests.Tenants;

/// <summary>
/// Purge reaches every store: the table names are read from the code itself (every string constant named <c>TableName</c> or
/// <c>…Table</c> in Autopilot.Core), so a new store whose table is not in <see cref="TenantDataSet"/> fails here.
/// </summary>
public sealed class TenantDataSetCoverageTests
{
    /// <summary>Tables that are not the tenant's data: the purge's own markers (they name no tenant once verified).</summary>
    private static readonly HashSet<string> NotTenantData = new(StringComparer.Ordinal) { TenantPurgeMarkers.TableName };

    public static TheoryData<string, string> TablesOfTheCode()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(TableStorage).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (field is { IsLiteral: true } && field.FieldType == typeof(string)
                    && (field.Name == "TableName" || field.Name.EndsWith("Table", StringComparison.Ordinal))
                    && field.GetRawConstantValue() is string table && !NotTenantData.Contains(table))
                {
                    data.Add(table, $"{type.Name}.{field.Name}");
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_code_declares_the_tables_this_test_reads()
    {
        // Guards the reflection itself: if the naming convention changed, the theory below would pass vacuously.
        var tables = TablesOfTheCode().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "Audit", "Alerts", "Artifacts", "CatalogColumns", "WorkflowRunsByStart", "Tenants" }, tables);
    }

    [Theory]
    [MemberData(nameof(TablesOfTheCode))]
    public void Every_table_of_the_code_is_purged_for_a_tenant(string table, string declaredBy)
    {
        var covered = Set().All.SelectMany(s => s.Tables).ToHashSet(StringComparer.Ordinal);
        Assert.True(covered.Contains(table), $"{declaredBy} = \"{table}\" holds rows no purge stage removes: add it to TenantDataSet.");
    }

    [Fact]
    public void Store_names_are_unique_and_the_audit_trail_is_pseudonymised_last()
    {
        var names = Set().All.Select(s => s.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AuditRows.StoreName, names[^1]);
        Assert.True(names.IndexOf("tenant_rows") > names.IndexOf("connections"));
    }

    private static TenantDataSet Set() =>
        new(new TableStorage(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true", TablePrefix = "" }), new UnusedCache(), engine: null, TimeProvider.System);

    /// <summary>The set only holds the cache; these tests never call it.</summary>
    private sealed class UnusedCache : IAutopilotCache
    {
        public Task<CacheResult<T>> GetOrCreateAsync<T>(CacheKey key, Func<CancellationToken, Task<T>> factory, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<long> InvalidateAsync(string prefix, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<long> InvalidateConnectionAsync(string tenantId, string connectionId, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<long> CountTenantAsync(string tenantId, CancellationToken cancellation) => throw new NotSupportedException();

        public Task<long> InvalidateTenantAsync(string tenantId, CancellationToken cancellation) => throw new NotSupportedException();
    }
}
