using System.Data.Common;
using System.Globalization;
using Autopilot.Core.Sql;
using Autopilot.Core.Workflows;
using DuckDB.NET.Data;

namespace Autopilot.Core.Warehouse;

/// <summary>
/// Queries on the demo warehouse. The SQL arrives in BigQuery's dialect (already admitted by the gate); it is checked
/// by the gate once more — defence in depth — and printed in DuckDB's dialect from the tree. DuckDB reports no bytes,
/// so "bytes processed" is the logical size of the columns the query reads, as BigQuery would bill them.
/// </summary>
public sealed partial class DuckDbWarehouse
{
    /// <summary>The gate as the warehouse applies it: every block rule, no rewrites (the caller's gate did those).</summary>
    private static readonly SqlGateContext Recheck = new(
        SqlGateOptions.Default with { DefaultLimit = int.MaxValue, MaxLimit = int.MaxValue, MaxJoinDepth = 64, MaxSubqueryDepth = 64 },
        new Dictionary<string, SqlTablePolicy>()) { Dialect = SqlDialect.DuckDb };

    private WarehouseSchema? _schema;

    public async Task<DryRunResult> DryRunAsync(string sql, QueryContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (duckSql, tables) = Translate(sql);
        await using var connection = Open(ct);
        await using (var explain = connection.CreateCommand())
        {
            explain.CommandText = "EXPLAIN " + duckSql;
            try
            {
                await explain.ExecuteNonQueryAsync(ct);
            }
            catch (DuckDBException ex) when (!ex.Message.Contains("IO Error", StringComparison.OrdinalIgnoreCase))
            {
                throw new WorkflowStepException(FailureClass.ValidationFailed, WarehouseRejection.Describe(ex.Message), ex);
            }
        }

        var bytes = await EstimateBytesAsync(sql, tables, ct);
        return new DryRunResult(bytes, "SELECT", tables.Select(t => $"{t.Dataset ?? DemoWarehouse.Dataset}.{t.Table}").Distinct(StringComparer.Ordinal).ToList());
    }

    public async Task<QueryResult> ExecuteAsync(string sql, QueryContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (duckSql, tables) = Translate(sql);
        var bytes = await EstimateBytesAsync(sql, tables, ct);
        if (bytes > context.MaximumBytesBilled)
        {
            throw new WorkflowStepException(FailureClass.QuotaExceeded, $"the query would read {bytes} bytes, over its cap of {context.MaximumBytesBilled}");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(context.Timeout);
        try
        {
            await using var connection = Open(deadline.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = duckSql;
            await using var reader = await command.ExecuteReaderAsync(deadline.Token);
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Select(i => new QueryColumn(reader.GetName(i), DuckDbTypes.ToBigQuery(reader.GetDataTypeName(i))))
                .ToList();
            var rows = new List<IReadOnlyDictionary<string, object?>>();
            var truncated = false;
            while (await reader.ReadAsync(deadline.Token))
            {
                if (rows.Count == context.MaxRows)
                {
                    truncated = true;
                    break;
                }

                rows.Add(ReadRow(reader, columns));
            }

            return new QueryResult(columns, rows, bytes, truncated, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new WorkflowStepException(FailureClass.Timeout, $"the query ran longer than {context.Timeout.TotalSeconds:0.#} s");
        }
        catch (DuckDBException ex) when (!ex.Message.Contains("IO Error", StringComparison.OrdinalIgnoreCase))
        {
            throw new WorkflowStepException(FailureClass.ValidationFailed, WarehouseRejection.Describe(ex.Message), ex);
        }
    }

    private static (string DuckSql, IReadOnlyList<SqlTableReference> Tables) Translate(string sql)
    {
        var decision = SqlGate.Evaluate(sql, Recheck);
        if (!decision.Allowed)
        {
            throw new WorkflowStepException(FailureClass.ValidationFailed, "the warehouse refused the query: " + string.Join("; ", decision.Reasons));
        }

        return (decision.Print(SqlDialect.DuckDb)!, decision.Tables);
    }

    /// <summary>Logical bytes of the columns named in the query (all columns for a <c>*</c>) of each table it reads.</summary>
    private async Task<long> EstimateBytesAsync(string sql, IReadOnlyList<SqlTableReference> tables, CancellationToken ct)
    {
        var schema = _schema ??= await IntrospectAsync(ct);
        var tokens = SqlLexer.Lex(sql).Tokens;
        var words = tokens
            .Where(t => t.Kind is SqlTokenKind.Identifier or SqlTokenKind.QuotedIdentifier)
            .SelectMany(t => (t.Text ?? string.Empty).Trim('`').ToLowerInvariant().Split('.'))
            .ToHashSet(StringComparer.Ordinal);
        var star = tokens.Any(t => t.Kind == SqlTokenKind.Star);
        long total = 0;
        foreach (var reference in tables.DistinctBy(t => (t.Dataset, t.Table)))
        {
            if (schema.Tables.FirstOrDefault(t => string.Equals(t.Name, reference.Table, StringComparison.OrdinalIgnoreCase)) is not { } table || table.Columns.Count == 0)
            {
                continue;
            }

            var perColumn = table.Bytes / table.Columns.Count;
            var read = star ? table.Columns.Count : table.Columns.Count(c => words.Contains(c.Name.ToLowerInvariant()));
            total += perColumn * Math.Max(1, read);
        }

        return total;
    }

    private static Dictionary<string, object?> ReadRow(DbDataReader reader, List<QueryColumn> columns)
    {
        var row = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i].Name] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                System.Numerics.BigInteger big => (decimal)big,
                var value => value,
            };
        }

        return row;
    }
}
