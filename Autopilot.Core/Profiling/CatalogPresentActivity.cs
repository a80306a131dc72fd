using Autopilot.Core.Catalog;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>Whether the tenant's warehouse has been profiled: its catalog holds at least one table.</summary>
public sealed class CatalogPresentActivity : TaskActivity<string, bool>
{
    private readonly CatalogStore _catalog;

    public CatalogPresentActivity(CatalogStore catalog) => _catalog = catalog;

    public override async Task<bool> RunAsync(TaskActivityContext context, string input) =>
        (await _catalog.ListTablesAsync(input, CancellationToken.None)).Count > 0;
}
