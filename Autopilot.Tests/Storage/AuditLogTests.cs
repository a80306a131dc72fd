using Autopilot.Core.Audit;
using Autopilot.Core.Storage;
using Autopilot.Tests.Infrastructure;

namespace Autopilot.Tests.Storage;

public sealed class AuditLogTests
{
    private readonly AuditLog _audit = new(
        new TableStorage(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, TablePrefix = TestEnvironment.NewHubName("audit") }),
        TimeProvider.System);

    [Fact]
    public async Task Appending_once_with_the_same_key_from_concurrent_attempts_writes_one_row()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _audit.AppendOnceAsync("org_x", "workflow_run", new { n = 1 }, "wf_1:success", CancellationToken.None)));
        await _audit.AppendOnceAsync("org_x", "workflow_run", new { n = 2 }, "wf_2:success", CancellationToken.None);

        var rows = await _audit.ListAsync("org_x", "workflow_run", 100, CancellationToken.None);

        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Rows_list_newest_first_within_the_tenant_only()
    {
        await _audit.AppendAsync("org_y", "e", new { i = 1 }, CancellationToken.None);
        await _audit.AppendAsync("org_y", "e", new { i = 2 }, CancellationToken.None);
        await _audit.AppendAsync("org_z", "e", new { i = 3 }, CancellationToken.None);

        var rows = await _audit.ListAsync("org_y", null, 100, CancellationToken.None);

        Assert.Equal([2, 1], rows.Select(r => r.Payload["i"]!.GetValue<int>()));
        Assert.All(rows, r => Assert.Equal("org_y", r.TenantId));
    }

    [Fact]
    public void The_audit_log_has_no_update_or_delete_path()
    {
        var writers = typeof(AuditLog).GetMethods().Where(m => m.DeclaringType == typeof(AuditLog)).Select(m => m.Name).ToList();

        Assert.DoesNotContain(writers, n => n.Contains("Update", StringComparison.OrdinalIgnoreCase) || n.Contains("Delete", StringComparison.OrdinalIgnoreCase) || n.Contains("Purge", StringComparison.OrdinalIgnoreCase));
    }
}
