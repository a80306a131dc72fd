namespace Autopilot.Core.Sql;

/// <summary>What could not be lexed or parsed, and where (offset, and 1-based line and column).</summary>
public sealed record SqlSyntaxError(string Message, int Position, int Line, int Column)
{
    /// <summary>Builds the error, working out line and column of <paramref name="position"/> in <paramref name="sql"/>.</summary>
    public static SqlSyntaxError At(string sql, int position, string message)
    {
        ArgumentNullException.ThrowIfNull(sql);
        position = Math.Clamp(position, 0, sql.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position; i++)
        {
            if (sql[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SqlSyntaxError(message, position, line, position - lineStart + 1);
    }

    public override string ToString() => $"{Message} at line {Line}, column {Column}";
}
