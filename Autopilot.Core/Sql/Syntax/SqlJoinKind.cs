namespace Autopilot.Core.Sql;

/// <summary>Join kinds; <see cref="Comma"/> is the comma (cross) join.</summary>
public enum SqlJoinKind
{
    Comma,
    Cross,
    Inner,
    Left,
    Right,
    Full,
}
