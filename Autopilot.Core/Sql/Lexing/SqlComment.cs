namespace Autopilot.Core.Sql;

/// <summary>A comment kept as trivia: its style, where it starts, and its text without the markers.</summary>
public sealed record SqlComment(SqlCommentStyle Style, int Start, string Text);
