using System.Text;

namespace Autopilot.Core.Sql;

/// <summary>
/// Prints a syntax tree as SQL on one line, as canonical BigQuery — parentheses exactly where precedence needs them,
/// names quoted only when they must be — so parse(print(t)) == t. The DuckDB dialect is <see cref="DuckDbTranslator"/>,
/// a subclass overriding the virtual members where DuckDB differs.
/// </summary>
public partial class SqlPrinter
{
    private readonly StringBuilder _out;

    private protected SqlPrinter(int capacity) => _out = new StringBuilder(capacity);

    // The printer for a dialect: this class for canonical BigQuery, a DuckDbTranslator for the demo warehouse.
    private static SqlPrinter For(SqlDialect dialect, int capacity) =>
        dialect == SqlDialect.DuckDb ? new DuckDbTranslator(capacity) : new SqlPrinter(capacity);

    /// <summary>Prints a query.</summary>
    public static string Print(SqlQuery query, SqlDialect dialect = SqlDialect.BigQuery)
    {
        ArgumentNullException.ThrowIfNull(query);
        var printer = For(dialect, 256);
        printer.WriteQuery(query);
        return printer._out.ToString();
    }

    /// <summary>Prints an expression.</summary>
    public static string Print(SqlExpression expression, SqlDialect dialect = SqlDialect.BigQuery)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var printer = For(dialect, 64);
        printer.WriteExpression(expression);
        return printer._out.ToString();
    }

    internal SqlPrinter Text(string text)
    {
        _out.Append(text);
        return this;
    }

    internal SqlPrinter Text(char c)
    {
        _out.Append(c);
        return this;
    }

    private protected void Join<T>(SqlList<T> items, Action<T> write, string separator = ", ")
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

    private protected void Expressions(SqlList<SqlExpression> items) => Join(items, WriteExpression);
}
