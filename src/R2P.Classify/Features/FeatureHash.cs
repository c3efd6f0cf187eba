using System.Runtime.CompilerServices;

namespace R2P.Classify.Features;

/// <summary>64-bit hashing of folded tokens and n-grams. Values are part of the model format: never change them.</summary>
internal static class FeatureHash
{
    public const ulong Seed = 14695981039346656037UL;   // FNV-1a offset basis
    private const ulong Prime = 1099511628211UL;         // FNV-1a prime

    /// <summary>Tags keep n-grams of different kinds apart even when their characters coincide.</summary>
    public const ulong WordTag = 0x1000;
    public const ulong CharTag = 0x2000;
    public const ulong LexiconTag = 0x3000;
    public const ulong SubwordTag = 0x4000;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * Prime;

    /// <summary>Combines an ordered pair of hashes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong first, ulong second) => Finish((first * 0x9E3779B97F4A7C15UL) ^ second);

    /// <summary>Murmur3's 64-bit finalizer, with a tag, so that similar inputs land far apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong hash, ulong tag = 0)
    {
        hash ^= tag * 0xC2B2AE3D27D4EB4FUL;
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
