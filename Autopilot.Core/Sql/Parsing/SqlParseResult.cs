namespace Autopilot.Core.Sql;

/// <summary>The query, or why there is none; <see cref="Lexed"/> holds the tokens and comments either way.</summary>
public sealed record SqlParseResult(SqlQuery? Query, SqlParseFailure? Failure, SqlLexResult Lexed);
