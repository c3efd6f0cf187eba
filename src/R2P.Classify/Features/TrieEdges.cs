using System.Runtime.CompilerServices;

namespace R2P.Classify.Features;

/// <summary>
/// The edges of the lexicon's trie, (node, character) → child, in an open-addressing table: a lookup
/// is a multiply, a mask and usually one probe, several times cheaper than a <see cref="Dictionary{TKey, TValue}"/>
/// on the matcher's hot path. Grows while terms are added; read-only (and so thread-safe) after that.
/// </summary>
internal sealed class TrieEdges
{
    private long[] _keys = new long[64];    // node << 16 | char, + 1 so that 0 marks an empty slot
    private int[] _children = new int[64];
    private int _count;

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetChild(int node, char c, out int child)
    {
        long key = Key(node, c);
        long[] keys = _keys;
        int mask = keys.Length - 1;
        for (int slot = Slot(key, mask); ; slot = (slot + 1) & mask)
        {
            long found = keys[slot];
            if (found == key)
            {
                child = _children[slot];
                return true;
            }

            if (found == 0)
            {
                child = 0;
                return false;
            }
        }
    }

    /// <summary>Adds an edge that is not there yet.</summary>
    public void Add(int node, char c, int child)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        Insert(Key(node, c), child);
        _count++;
    }

    private void Insert(long key, int child)
    {
        int mask = _keys.Length - 1;
        int slot = Slot(key, mask);
        while (_keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _keys[slot] = key;
        _children[slot] = child;
    }

    private void Grow()
    {
        long[] keys = _keys;
        int[] children = _children;
        _keys = new long[keys.Length * 2];
        _children = new int[keys.Length * 2];
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Insert(keys[i], children[i]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Key(int node, char c) => (((long)node << 16) | c) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;
}
