using Autopilot.Core.Storage;
using Azure.Data.Tables;

namespace Autopilot.Core.Pii;

/// <summary>PII review decisions per tenant, keyed by column, so the same columns are not flagged again.</summary>
public sealed class PiiDecisionStore
{
    private const string TableName = "PiiDecisions";
    private readonly TableStorage _storage;

    public PiiDecisionStore(TableStorage storage) => _storage = storage;

    public async Task SaveAsync(string tenantId, IReadOnlyList<PiiDecision> decisions, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var table = await _storage.TableAsync(TableName);
        var partition = TableKey.Escape(tenantId);
        await TableBatch.SubmitChunkedAsync(table, decisions
            .GroupBy(d => Key(d.Dataset, d.Table, d.Column))
            .Select(g => g.Last())
            .Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, Key(d.Dataset, d.Table, d.Column))
            {
                ["dataset"] = d.Dataset,
                ["table"] = d.Table,
                ["column"] = d.Column,
                ["is_pii"] = d.IsPii,
                ["decided_at"] = d.DecidedAt,
            })), cancellation);
    }

    /// <summary>The tenant's decisions by (dataset, table, column).</summary>
    public async Task<IReadOnlyDictionary<(string Dataset, string Table, string Column), PiiDecision>> ListAsync(string tenantId, CancellationToken cancellation)
    {
        var table = await _storage.TableAsync(TableName);
        var decisions = new Dictionary<(string, string, string), PiiDecision>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKey.Escape(tenantId)}"), cancellationToken: cancellation))
        {
            var decision = new PiiDecision(e.GetString("dataset"), e.GetString("table"), e.GetString("column"), e.GetBoolean("is_pii") ?? false, e.GetDateTimeOffset("decided_at") ?? default);
            decisions[(decision.Dataset, decision.Table, decision.Column)] = decision;
        }

        return decisions;
    }

    private static string Key(string dataset, string table, string column) =>
        $"{TableKey.Escape(dataset)}|{TableKey.Escape(table)}|{TableKey.Escape(column)}";
}
