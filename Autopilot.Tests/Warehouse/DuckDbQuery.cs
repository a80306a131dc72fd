using System.Globalization;
using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Warehouse;

/// <summary>The tests' own SQL over a demo file, to check the product's figures against.</summary>
internal sealed class DuckDbQuery : IDisposable
{
    private readonly DuckDBConnection _connection;

    public DuckDbQuery(string path) => _connection = DemoWarehouse.OpenReadOnly(path);

    public T Scalar<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)!;
    }

    public List<T> Column<T>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public List<(T1, T2)> Pairs<T1, T2>(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<(T1, T2)>();
        while (reader.Read())
        {
            values.Add((reader.GetFieldValue<T1>(0), reader.GetFieldValue<T2>(1)));
        }

        return values;
    }

    public void Dispose() => _connection.Dispose();
}
