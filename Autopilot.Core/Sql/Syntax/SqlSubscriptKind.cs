namespace Autopilot.Core.Sql;

/// <summary>How a subscript counts: a bare index is a zero-based offset (or a JSON key).</summary>
public enum SqlSubscriptKind
{
    Index,
    Offset,
    Ordinal,
    SafeOffset,
    SafeOrdinal,
}
