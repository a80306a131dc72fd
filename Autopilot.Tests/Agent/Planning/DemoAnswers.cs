using System.Globalization;
using System.Numerics;
using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Agent.Planning;

/// <summary>
/// Runs a plan's query (printed for DuckDB) and the test's own query on the demo warehouse inside one read-only
/// transaction, so both see the same "now" (DuckDB fixes it at the transaction's start) even across midnight.
/// <c>{today}</c> in the test's query becomes that day as a DATE literal.
/// </summary>
internal sealed class DemoAnswers : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DemoAnswers(string path) => _connection = DemoWarehouse.OpenReadOnly(path);

    public (ResultTable Actual, ResultTable Expected) Run(string planSql, string expectedSql)
    {
        using var transaction = _connection.BeginTransaction();
        var today = (DateOnly)Read("SELECT CAST(now() AT TIME ZONE 'UTC' AS DATE) AS today").Rows[0][0]!;
        var actual = Read(planSql);
        var expected = Read(expectedSql.Replace("{today}", $"DATE '{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'", StringComparison.Ordinal));
        transaction.Commit();
        return (actual, expected);
    }

    public ResultTable Read(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Normalize(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new ResultTable(columns, rows);
    }

    public void Dispose() => _connection.Dispose();

    // Numbers as double, days as DateOnly, text as is: the two queries may type the same value differently.
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        DateOnly day => day,
        DateTime time when time.TimeOfDay == TimeSpan.Zero => DateOnly.FromDateTime(time),
        DateTime time => time,
        BigInteger big => (double)big,
        string text => text,
        bool flag => flag,
        IConvertible number => Convert.ToDouble(number, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}

/// <summary>Column names and rows of a query's result.</summary>
internal sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public override string ToString() =>
        $"[{string.Join(", ", Columns)}] " + string.Join(" | ", Rows.Take(12).Select(r => string.Join(", ", r.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "NULL"))))
        + (Rows.Count > 12 ? $" … ({Rows.Count} rows)" : string.Empty);
}
