using Autopilot.Core.Catalog;
using Autopilot.Core.Pii;
using Autopilot.Core.Workflows;
using Microsoft.DurableTask;

namespace Autopilot.Core.Profiling;

/// <summary>Step <c>store_catalog</c>: replaces the connection's catalog with what this run measured. Idempotent.</summary>
public sealed class PersistCatalogActivity : TaskActivity<PersistCatalogInput, CatalogSummary>
{
    private readonly CatalogStore _catalog;
    private readonly PiiDecisionStore _decisions;
    private readonly StepRecorder _steps;
    private readonly StepDelayOptions _delay;
    private readonly TimeProvider _time;

    public PersistCatalogActivity(CatalogStore catalog, PiiDecisionStore decisions, StepRecorder steps, StepDelayOptions delay, TimeProvider time)
    {
        _decisions = decisions;
        _catalog = catalog;
        _steps = steps;
        _delay = delay;
        _time = time;
    }

    public override Task<CatalogSummary> RunAsync(TaskActivityContext context, PersistCatalogInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _steps.RunAsync(input.TenantId, input.WorkflowId, ProfileSteps.StoreCatalog, input, async ct =>
        {
            await Task.Delay(_delay.Delay, _time, ct);
            var profiledAt = _time.GetUtcNow();
            var tags = input.Tags.ToDictionary(t => (t.Dataset, t.Table, t.Column), t => t.Tag);
            var profiles = input.Profiles.ToDictionary(p => (p.Dataset, p.Table));

            var tables = new List<CatalogTable>();
            var columns = new List<CatalogColumn>();
            foreach (var table in input.Schema.Tables)
            {
                var profile = profiles[(table.Dataset, table.Name)];
                tables.Add(new CatalogTable(
                    input.ConnectionId, table.Dataset, table.Name, profile.RowCount, table.Bytes, table.PartitionColumn,
                    profile.TimeColumn, profile.LatestAt, profile.FreshnessHours, profile.MissingDays, profiledAt));
                foreach (var column in profile.Columns)
                {
                    tags.TryGetValue((table.Dataset, table.Name, column.Name), out var tag);
                    columns.Add(new CatalogColumn(
                        input.ConnectionId, table.Dataset, table.Name, column.Name, column.DataType, column.NullPct, column.DistinctCount,
                        column.Min, column.Max, tag?.PiiType, tag?.Confidence ?? 0, tag is { Confidence: >= 80 }, tag?.Evidence));
                }
            }

            // People's review decisions outlive re-profiling: a decided column keeps its decision (PII-3 not copied).
            var decisions = await _decisions.ListAsync(input.TenantId, ct);
            columns = columns.Select(c => decisions.TryGetValue((c.Dataset, c.Table, c.Column), out var d) ? c with { IsPii = d.IsPii } : c).ToList();
            await _catalog.ReplaceAsync(input.TenantId, input.ConnectionId, tables, columns, ct);
            return new CatalogSummary(
                tables.Count,
                columns.Count,
                columns.Count(c => c.PiiConfidence >= 80),
                columns.Count(c => c.PiiConfidence is >= 30 and < 80));
        }, CancellationToken.None);
    }
}
