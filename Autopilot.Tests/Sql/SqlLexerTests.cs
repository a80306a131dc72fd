using Autopilot.Core.Sql;

namespace Autopilot.Tests.Sql;

public sealed class SqlLexerTests
{
    private static SqlToken[] Tokens(string sql)
    {
        var lexed = SqlLexer.Lex(sql);
        Assert.Null(lexed.Error);
        return [.. lexed.Tokens];
    }

    private static SqlSyntaxError Error(string sql) => SqlLexer.Lex(sql).Error ?? throw new InvalidOperationException($"'{sql}' lexed without error");

    [Fact]
    public void A_backticked_path_is_one_identifier_token_holding_its_dots()
    {
        var tokens = Tokens("SELECT * FROM `my-project.analytics.events`");
        Assert.Equal(SqlTokenKind.QuotedIdentifier, tokens[3].Kind);
        Assert.Equal("my-project.analytics.events", tokens[3].Text);
        Assert.Null(tokens[3].Keyword);
    }

    [Fact]
    public void Comments_of_every_style_are_trivia_with_their_text_and_never_tokens()
    {
        var lexed = SqlLexer.Lex("SELECT 1 -- dash\n# hash\n/* block */ + 2");
        Assert.Equal([SqlTokenKind.Identifier, SqlTokenKind.Number, SqlTokenKind.Plus, SqlTokenKind.Number, SqlTokenKind.End], lexed.Tokens.Select(t => t.Kind));
        Assert.Equal(
            [(SqlCommentStyle.DoubleDash, " dash"), (SqlCommentStyle.Hash, " hash"), (SqlCommentStyle.Block, " block ")],
            lexed.Comments.Select(c => (c.Style, c.Text)));
    }

    [Fact]
    public void Block_comments_do_not_nest_so_the_first_closing_marker_ends_them()
    {
        var lexed = SqlLexer.Lex("SELECT 1 /* /* */ ; DROP TABLE t -- */");
        Assert.Equal(" /* ", lexed.Comments[0].Text);
        Assert.Contains(lexed.Tokens, t => t.Kind == SqlTokenKind.Semicolon);
        Assert.Contains(lexed.Tokens, t => t.Is("DROP"));
        Assert.Equal(" */", lexed.Comments[1].Text);
    }

    [Theory]
    [InlineData("'a\\'b'", "a'b")]
    [InlineData("\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("'''multi\nline'''", "multi\nline")]
    [InlineData("\"\"\"it's \"quoted\" here\"\"\"", "it's \"quoted\" here")]
    [InlineData("r'C:\\path\\n'", "C:\\path\\n")]
    [InlineData("R\"\\d+\"", "\\d+")]
    [InlineData("r'\\''", "\\'")]
    [InlineData("'tab\\tnew\\nline'", "tab\tnew\nline")]
    [InlineData("'\\u00e9\\U0001F600'", "é😀")]
    [InlineData("'\\101\\x42'", "AB")]
    [InlineData("'a\\\\b'", "a\\b")]
    [InlineData("''", "")]
    public void String_literals_decode_quotes_prefixes_and_escapes(string sql, string value)
    {
        var token = Tokens(sql)[0];
        Assert.Equal(SqlTokenKind.String, token.Kind);
        Assert.Equal(value, token.Text);
    }

    [Theory]
    [InlineData("b'\\x41\\xff'", "A\u00ff")]
    [InlineData("B'abc'", "abc")]
    [InlineData("rb'\\x41'", "\\x41")]
    [InlineData("BR'\\n'", "\\n")]
    [InlineData("b'é'", "\u00c3\u00a9")]
    public void Bytes_literals_hold_one_char_per_byte(string sql, string value)
    {
        var token = Tokens(sql)[0];
        Assert.Equal(SqlTokenKind.Bytes, token.Kind);
        Assert.Equal(value, token.Text);
    }

    [Theory]
    [InlineData("'never closed", "unterminated string")]
    [InlineData("'line\nbreak'", "only triple-quoted strings span lines")]
    [InlineData("'''never closed", "unterminated string")]
    [InlineData("'\\q'", "invalid escape")]
    [InlineData("'\\uD800'", "\\u escape")]
    [InlineData("b'\\u0041'", "not allowed in bytes")]
    [InlineData("`never closed", "unterminated quoted identifier")]
    [InlineData("``", "empty quoted identifier")]
    [InlineData("/* never closed", "unterminated comment")]
    public void Malformed_literals_and_comments_are_lexing_errors(string sql, string message)
    {
        Assert.Contains(message, Error(sql).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1.5")]
    [InlineData(".5")]
    [InlineData("1.")]
    [InlineData("1e10")]
    [InlineData("2.5E-3")]
    [InlineData("0x1F")]
    public void Numeric_literals_are_kept_as_written(string number)
    {
        var token = Tokens(number)[0];
        Assert.Equal(SqlTokenKind.Number, token.Kind);
        Assert.Equal(number, token.Text);
    }

    [Theory]
    [InlineData("SELECT 1from t", "missing whitespace after a number")]
    [InlineData("SELECT 1e", "missing whitespace after a number")]
    [InlineData("SELECT 0x", "hex literal without digits")]
    [InlineData("SELECT 0x1G", "missing whitespace after a number")]
    public void A_malformed_number_or_one_running_into_a_word_is_a_lexing_error(string sql, string message)
    {
        Assert.Contains(message, Error(sql).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_are_named_positional_or_system_variables()
    {
        var tokens = Tokens("@start_date ? @@project_id");
        Assert.Equal((SqlTokenKind.NamedParameter, "start_date"), (tokens[0].Kind, tokens[0].Text));
        Assert.Equal(SqlTokenKind.PositionalParameter, tokens[1].Kind);
        Assert.Equal((SqlTokenKind.SystemVariable, "project_id"), (tokens[2].Kind, tokens[2].Text));
    }

    [Fact]
    public void Multi_character_operators_are_single_tokens()
    {
        Assert.Equal(
            [SqlTokenKind.Concat, SqlTokenKind.LessOrEqual, SqlTokenKind.GreaterOrEqual, SqlTokenKind.NotEqual, SqlTokenKind.NotEqual,
             SqlTokenKind.ShiftLeft, SqlTokenKind.ShiftRight, SqlTokenKind.Arrow, SqlTokenKind.Pipe, SqlTokenKind.End],
            Tokens("|| <= >= <> != << >> => |").Select(t => t.Kind));
    }

    [Theory]
    [InlineData("SELECT 1 <=> 2", "<=>")]
    [InlineData("SELECT x::INT64", "::")]
    [InlineData("SELECT 5 % 2", "%")]
    [InlineData("SELECT 1 == 1", "==")]
    [InlineData("SELECT $1", "'$'")]
    [InlineData("SELECT {1}", "'{'")]
    [InlineData("SELECT !x", "'!'")]
    public void Operators_BigQuery_lacks_are_refused_by_the_lexer(string sql, string named)
    {
        Assert.Contains(named, Error(sql).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\u2000')]
    [InlineData('\u2003')]
    [InlineData('\u200A')]
    [InlineData('\u3000')]
    [InlineData('\u2028')]
    [InlineData('\t')]
    [InlineData('\f')]
    public void Unicode_whitespace_separates_tokens(char space)
    {
        var tokens = Tokens($"SELECT{space}1{space}FROM{space}t");
        Assert.Equal(["SELECT", null, "FROM", null, null], tokens.Select(t => t.Keyword));
        Assert.Equal(5, tokens.Length);
    }

    [Theory]
    [InlineData("S\u0415LECT")]
    [InlineData("\uFF33\uFF25\uFF2C\uFF25\uFF23\uFF34")]
    [InlineData("\u017Felect")]
    [InlineData("SEL\u200BECT")]
    [InlineData("SELECT\u200D")]
    [InlineData("SELECT\uFEFF")]
    public void Lookalike_characters_never_make_a_keyword(string word)
    {
        var token = Tokens(word)[0];
        Assert.Equal(SqlTokenKind.Identifier, token.Kind);
        Assert.Equal(word, token.Text);
        Assert.Null(token.Keyword);
    }

    [Theory]
    [InlineData("\u200BSELECT 1")]
    [InlineData("\uFEFFSELECT 1")]
    [InlineData("SELECT 1 \uFF1B DROP TABLE t")]
    [InlineData("SELECT 1 \u037E DROP TABLE t")]
    [InlineData("SELECT 1 \\u003B DROP TABLE t")]
    public void An_unknown_character_outside_identifiers_and_strings_is_a_lexing_error(string sql)
    {
        Assert.Contains("unexpected character", Error(sql).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_are_matched_case_insensitively_in_ASCII()
    {
        Assert.Equal(["SELECT", "FROM", "WHERE"], Tokens("sElEcT from WhErE").Take(3).Select(t => t.Keyword));
    }

    [Fact]
    public void Lexing_errors_report_line_and_column()
    {
        var error = Error("SELECT 1\nFROM t\nWHERE x = 'open");
        Assert.Equal((3, 11), (error.Line, error.Column));
        Assert.EndsWith("at line 3, column 11", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dot_after_a_name_is_member_access_not_a_number()
    {
        Assert.Equal(
            [SqlTokenKind.Identifier, SqlTokenKind.Dot, SqlTokenKind.Identifier, SqlTokenKind.End],
            Tokens("t.x5").Select(t => t.Kind));
        Assert.Equal(SqlTokenKind.Number, Tokens("+ .5")[1].Kind);
    }
}
