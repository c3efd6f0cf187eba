using R2P.Classify.Features;

namespace R2P.Classify.Training;

/// <summary>Builds a <see cref="FeatureSpace"/> from training paragraphs: keeps frequent n-grams and computes their IDF.</summary>
internal static class FeatureSpaceBuilder
{
    /// <summary>The distinct feature hashes of each text (computed once, reused by every fold).</summary>
    public static ulong[][] DistinctHashes(IReadOnlyList<string> texts, FeatureOptions options)
    {
        var extractor = new FeatureExtractor(options);
        var result = new ulong[texts.Count][];
        Parallel.For(0, texts.Count, () => new HashSet<ulong>(), (i, _, set) =>
        {
            set.Clear();
            var sink = new SetSink(set);
            extractor.Extract(texts[i], ref sink);
            ulong[] hashes = [.. set];
            Array.Sort(hashes);
            result[i] = hashes;
            return set;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// The feature space of the paragraphs <paramref name="rows"/>: n-grams in at least
    /// <paramref name="minDocumentFrequency"/> of them, at most <paramref name="maxFeatures"/> (most
    /// frequent first, ties by hash), with smoothed IDF ln((1 + N) / (1 + df)) + 1. The lexicon's
    /// features have their IDF multiplied by <paramref name="lexiconWeight"/>.
    /// </summary>
    public static FeatureSpace Build(ulong[][] distinctHashes, IReadOnlyList<int> rows, FeatureOptions options, int minDocumentFrequency, int maxFeatures, float lexiconWeight = 1f)
    {
        var frequency = new Dictionary<ulong, int>();
        foreach (int row in rows)
        {
            foreach (ulong hash in distinctHashes[row])
            {
                frequency[hash] = frequency.GetValueOrDefault(hash) + 1;
            }
        }

        KeyValuePair<ulong, int>[] kept = frequency
            .Where(kv => kv.Value >= minDocumentFrequency)
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Take(maxFeatures)
            .OrderBy(kv => kv.Key)
            .ToArray();

        ulong[] hashes = kept.Select(kv => kv.Key).ToArray();
        float[] idf = kept.Select(kv => (float)(Math.Log((1.0 + rows.Count) / (1.0 + kv.Value)) + 1.0)).ToArray();
        var vocabulary = new Vocabulary(hashes);

        // A heavier lexicon feature costs the regularizer less for the same effect on the score, so the
        // model leans more on the key terms, which are shared by all six languages, and less on the
        // words of our own writing. Scaling the IDF keeps inference unchanged: the weight lives in the model.
        if (options.Lexicon is { } lexicon && lexiconWeight != 1f)
        {
            foreach (ulong feature in lexicon.LabelFeatures)
            {
                int index = vocabulary.IndexOf(feature);
                if (index >= 0)
                {
                    idf[index] *= lexiconWeight;
                }
            }
        }

        return new FeatureSpace(options, vocabulary, idf);
    }

    private readonly struct SetSink(HashSet<ulong> set) : IFeatureSink
    {
        public void Add(ulong feature, int start, int end) => set.Add(feature);
    }
}
