namespace Autopilot.Core.Sql;

/// <summary>Comments: kept with their text as trivia, never handed to the parser.</summary>
public sealed partial class SqlLexer
{
    private Failure? ReadLineComment(SqlCommentStyle style, int markerLength)
    {
        var start = _pos;
        var textStart = _pos + markerLength;
        var end = _sql.IndexOfAny(['\n', '\r'], textStart);
        if (end < 0)
        {
            end = _sql.Length;
        }

        _comments.Add(new SqlComment(style, start, _sql[textStart..end]));
        _pos = end;
        return null;
    }

    // BigQuery block comments do not nest: the first "*/" ends the comment, whatever "/*" came before it.
    private Failure? ReadBlockComment()
    {
        var start = _pos;
        var end = _sql.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (end < 0)
        {
            return new Failure(start, "unterminated comment '/*'");
        }

        _comments.Add(new SqlComment(SqlCommentStyle.Block, start, _sql[(start + 2)..end]));
        _pos = end + 2;
        return null;
    }
}
