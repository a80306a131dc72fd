using Autopilot.Core.Warehouse;
using DuckDB.NET.Data;

namespace Autopilot.Tests.Warehouse;

/// <summary>The query connection's guarantees (recipes.md § DuckDB read-only traps), each tried and refused.</summary>
[Collection(DemoWarehouseCollection.Name)]
public sealed class ReadOnlyConnectionTests
{
    private readonly DemoWarehouseFixture _demo;

    public ReadOnlyConnectionTests(DemoWarehouseFixture demo) => _demo = demo;

    [Theory]
    [InlineData("INSERT INTO analytics.config VALUES ('x', 'y')")]
    [InlineData("UPDATE analytics.users SET email = NULL")]
    [InlineData("DELETE FROM analytics.events")]
    [InlineData("DROP TABLE analytics.orders")]
    [InlineData("CREATE TABLE analytics.stolen AS SELECT * FROM analytics.users")]
    public void Read_only_connection_refuses_writes(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(_demo.Path);
        Assert.Throws<DuckDBException>(() => Execute(connection, sql));
        Assert.Equal(25L, Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM analytics.config"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_only_connection_refuses_copy_to_a_file()
    {
        var target = System.IO.Path.Combine(_demo.Directory, "exfiltrated.csv");
        using var connection = DemoWarehouse.OpenReadOnly(_demo.Path);

        Assert.Throws<DuckDBException>(() => Execute(connection, $"COPY analytics.users TO '{target}' (HEADER)"));
        Assert.Throws<DuckDBException>(() => Execute(connection, $"COPY (SELECT email FROM analytics.users) TO '{target}'"));
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM read_text('/etc/hostname')")]
    [InlineData("SELECT * FROM '/etc/passwd'")]
    [InlineData("ATTACH '/tmp/autopilot-attach-probe.duckdb' AS other")]
    [InlineData("INSTALL httpfs")]
    public void Read_only_connection_refuses_other_files(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(_demo.Path);
        Assert.Throws<DuckDBException>(() => Execute(connection, sql));
    }

    [Theory]
    [InlineData("SET enable_external_access = true")]
    [InlineData("SET lock_configuration = false")]
    [InlineData("SET threads = 1")]
    [InlineData("SET memory_limit = '100GB'")]
    [InlineData("RESET lock_configuration")]
    public void Read_only_connection_refuses_configuration_changes(string sql)
    {
        using var connection = DemoWarehouse.OpenReadOnly(_demo.Path);
        Assert.Throws<DuckDBException>(() => Execute(connection, sql));
    }

    [Fact]
    public void Several_read_only_connections_open_at_once_and_all_answer()
    {
        using var first = DemoWarehouse.OpenReadOnly(_demo.Path);
        using var second = DemoWarehouse.OpenReadOnly(_demo.Path);

        Assert.Equal(Scalar(first, "SELECT count(*) FROM analytics.users"), Scalar(second, "SELECT count(*) FROM analytics.users"));
        Assert.Throws<DuckDBException>(() => Execute(second, "SELECT * FROM read_csv('/etc/passwd')"));
    }

    [Fact]
    public void A_file_open_for_writing_in_this_process_is_not_handed_out_as_read_only()
    {
        var path = System.IO.Path.Combine(_demo.Directory, "writable.duckdb");
        using var writer = new DuckDBConnection($"DataSource={path}");
        writer.Open();

        Assert.Throws<InvalidOperationException>(() => DemoWarehouse.OpenReadOnly(path));
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
