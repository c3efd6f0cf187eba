using System.Numerics;
using System.Runtime.CompilerServices;

namespace R2P.Classify.Features;

/// <summary>
/// Maps the 64-bit hashes of the n-grams kept at training time to dense feature indices, with an
/// open-addressing table so that lookups on the hot path allocate nothing.
/// </summary>
internal sealed class Vocabulary
{
    private readonly ulong[] _keys;
    private readonly Slot[] _slots;   // key and index side by side: a lookup touches one cache line
    private readonly int _mask;

    /// <param name="hashes">The kept hashes, distinct; position i becomes feature index i.</param>
    public Vocabulary(ulong[] hashes)
    {
        _keys = hashes;
        // A load of at most two thirds keeps linear probes short while the table stays small enough for the cache.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length + (hashes.Length / 2)));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < hashes.Length; i++)
        {
            int slot = (int)hashes[i] & _mask;
            while (_slots[slot].Entry != 0)
            {
                if (_slots[slot].Key == hashes[i])
                {
                    throw new ArgumentException($"Duplicate feature hash {hashes[i]:x16} at index {i}.", nameof(hashes));
                }

                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(hashes[i], i + 1);
        }
    }

    /// <summary>The number of features.</summary>
    public int Count => _keys.Length;

    /// <summary>The hashes in feature-index order.</summary>
    public ReadOnlySpan<ulong> Hashes => _keys;

    /// <summary>The feature index of <paramref name="hash"/>, or -1 when it was not kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int IndexOf(ulong hash)
    {
        Slot[] slots = _slots;
        int slot = (int)hash & _mask;
        while (true)
        {
            ref readonly Slot candidate = ref slots[slot];
            if (candidate.Key == hash && candidate.Entry != 0)
            {
                return candidate.Entry - 1;
            }

            if (candidate.Entry == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>A kept hash and its feature index + 1; <see cref="Entry"/> 0 marks an empty slot.</summary>
    private readonly record struct Slot(ulong Key, int Entry);
}
