using System.Collections;
using System.Collections.Immutable;

namespace OpenWxCluster.Contracts;

/// <summary>
/// A contact book's items as they were at one moment, never changed afterwards. A contact grain hands out the same
/// snapshot until its book changes, and since the type is immutable a call inside one silo passes that very object
/// rather than a copy: a reader may cache what it derives from it (get_friend_info keeps its encoded reply per
/// snapshot). Across silos a snapshot arrives as a new object, which is just as correct, only not cached.
/// </summary>
[GenerateSerializer, Immutable, Alias("openwx.ContactSnapshot`1")]
public sealed record ContactSnapshot<T>([property: Id(0)] ImmutableArray<T> Items) : IReadOnlyList<T>
    where T : class
{
    public T this[int index] => Items[index];

    public int Count => Items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
