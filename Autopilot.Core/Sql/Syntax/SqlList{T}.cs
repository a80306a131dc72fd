using System.Collections;
using System.Runtime.CompilerServices;

namespace Autopilot.Core.Sql;

/// <summary>
/// An immutable list that compares by its items, so records holding it (the syntax tree) compare structurally:
/// parse(print(tree)) == tree is a plain <c>==</c>.
/// </summary>
[CollectionBuilder(typeof(SqlList), nameof(SqlList.Create))]
public sealed class SqlList<T> : IReadOnlyList<T>, IEquatable<SqlList<T>>
{
    private readonly T[] _items;

    internal SqlList(T[] items) => _items = items;

    /// <summary>The empty list (shared).</summary>
#pragma warning disable CA1000 // The shape of ImmutableArray<T>.Empty: one shared instance per item type.
    public static SqlList<T> Empty { get; } = new([]);
#pragma warning restore CA1000

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    /// <summary>The items as a span, for loops that should not allocate an enumerator.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>A copy with <paramref name="item"/> appended.</summary>
    public SqlList<T> Add(T item)
    {
        var items = new T[_items.Length + 1];
        _items.CopyTo(items, 0);
        items[^1] = item;
        return new(items);
    }

    /// <summary>A copy with the item at <paramref name="index"/> replaced.</summary>
    public SqlList<T> SetItem(int index, T item)
    {
        var items = (T[])_items.Clone();
        items[index] = item;
        return new(items);
    }

    public bool Equals(SqlList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as SqlList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    /// <summary>An allocation-free enumerator over the items.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}
