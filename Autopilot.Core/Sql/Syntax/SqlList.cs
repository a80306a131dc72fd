namespace Autopilot.Core.Sql;

/// <summary>Builds <see cref="SqlList{T}"/>s (also what collection expressions call).</summary>
public static class SqlList
{
    public static SqlList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? SqlList<T>.Empty : new(items.ToArray());

    public static SqlList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var array = items.ToArray();
        return array.Length == 0 ? SqlList<T>.Empty : new(array);
    }

    /// <summary>Takes ownership of a builder list without copying more than once.</summary>
    internal static SqlList<T> Of<T>(List<T>? items) => items is null || items.Count == 0 ? SqlList<T>.Empty : new(items.ToArray());
}
