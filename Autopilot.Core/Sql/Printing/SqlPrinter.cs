using System.Text;

namespace Autopilot.Core.Sql;

/// <summary>
/// Prints a syntax tree as SQL on one line. In <see cref="SqlDialect.BigQuery"/> the output is canonical — parentheses
/// exactly where precedence needs them, names quoted only when they must be — so parse(print(t)) == t.
/// </summary>
public sealed partial class SqlPrinter
{
    private readonly StringBuilder _out;
    private readonly SqlDialect _dialect;

    private SqlPrinter(SqlDialect dialect, int capacity)
    {
        _dialect = dialect;
        _out = new StringBuilder(capacity);
    }

    private bool DuckDb => _dialect == SqlDialect.DuckDb;

    /// <summary>Prints a query.</summary>
    public static string Print(SqlQuery query, SqlDialect dialect = SqlDialect.BigQuery)
    {
        ArgumentNullException.ThrowIfNull(query);
        var printer = new SqlPrinter(dialect, 256);
        printer.WriteQuery(query);
        return printer._out.ToString();
    }

    /// <summary>Prints an expression.</summary>
    public static string Print(SqlExpression expression, SqlDialect dialect = SqlDialect.BigQuery)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var printer = new SqlPrinter(dialect, 64);
        printer.WriteExpression(expression);
        return printer._out.ToString();
    }

    private SqlPrinter Text(string text)
    {
        _out.Append(text);
        return this;
    }

    private SqlPrinter Text(char c)
    {
        _out.Append(c);
        return this;
    }

    private void Join<T>(SqlList<T> items, Action<T> write, string separator = ", ")
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(separator);
            }

            write(items[i]);
        }
    }

    private void Expressions(SqlList<SqlExpression> items) => Join(items, WriteExpression);
}
