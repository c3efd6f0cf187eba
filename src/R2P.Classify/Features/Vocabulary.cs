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
    private readonly int[] _slots;   // index into _keys + 1; 0 marks an empty slot
    private readonly int _mask;

    /// <param name="hashes">The kept hashes, distinct; position i becomes feature index i.</param>
    public Vocabulary(ulong[] hashes)
    {
        _keys = hashes;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        _slots = new int[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < hashes.Length; i++)
        {
            int slot = (int)hashes[i] & _mask;
            while (_slots[slot] != 0)
            {
                if (_keys[_slots[slot] - 1] == hashes[i])
                {
                    throw new ArgumentException($"Duplicate feature hash {hashes[i]:x16} at index {i}.", nameof(hashes));
                }

                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
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
        int slot = (int)hash & _mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (_keys[entry - 1] == hash)
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }
}
