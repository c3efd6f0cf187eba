namespace R2P.Classify.Features;

/// <summary>
/// The trained feature space: which n-grams count, and their inverse document frequencies. Turns a
/// text into a sparse vector of sublinear TF-IDF weights, (1 + ln tf) · idf, divided by its L2 norm
/// or by the square root of that norm (<see cref="FeatureOptions.Normalization"/>).
/// </summary>
internal sealed class FeatureSpace
{
    private readonly FeatureExtractor _extractor;

    public FeatureSpace(FeatureOptions options, Vocabulary vocabulary, float[] idf)
    {
        if (idf.Length != vocabulary.Count)
        {
            throw new ArgumentException($"Expected {vocabulary.Count} IDF weights, got {idf.Length}.", nameof(idf));
        }

        Options = options;
        Vocabulary = vocabulary;
        Idf = idf;
        _extractor = new FeatureExtractor(options);
    }

    public FeatureOptions Options { get; }

    public Vocabulary Vocabulary { get; }

    public float[] Idf { get; }

    public int Dimension => Idf.Length;

    public FeatureExtractor Extractor => _extractor;

    /// <summary>
    /// Computes the feature vector of <paramref name="text"/> into <paramref name="scratch"/>:
    /// <see cref="VectorScratch.Indices"/> and <see cref="VectorScratch.Values"/> hold
    /// <see cref="VectorScratch.Count"/> entries, in order of first occurrence.
    /// </summary>
    public void Vectorize(ReadOnlySpan<char> text, VectorScratch scratch)
    {
        scratch.Reset(Dimension);
        var sink = new CountingSink(Vocabulary, scratch);
        _extractor.Extract(text, ref sink);

        double sumOfSquares = 0;
        int[] indices = scratch.Indices;
        float[] values = scratch.Values;
        int[] counts = scratch.Counts;
        for (int i = 0; i < scratch.Count; i++)
        {
            int feature = indices[i];
            float value = (1f + MathF.Log(counts[feature])) * Idf[feature];
            values[i] = value;
            sumOfSquares += (double)value * value;
            counts[feature] = 0;
        }

        if (sumOfSquares > 0)
        {
            // The norm is sqrt(sumOfSquares); its square root is sumOfSquares^(1/4).
            float scale = Options.Normalization == Training.FeatureNormalization.SquareRootLength
                ? (float)(1.0 / Math.Sqrt(Math.Sqrt(sumOfSquares)))
                : (float)(1.0 / Math.Sqrt(sumOfSquares));
            for (int i = 0; i < scratch.Count; i++)
            {
                values[i] *= scale;
            }
        }
    }

    private readonly struct CountingSink(Vocabulary vocabulary, VectorScratch scratch) : IFeatureSink
    {
        public void Add(ulong feature, int start, int end)
        {
            int index = vocabulary.IndexOf(feature);
            if (index >= 0)
            {
                scratch.Count1(index);
            }
        }
    }
}

/// <summary>Reusable buffers for one thread's vectorization: one per thread, never shared.</summary>
internal sealed class VectorScratch
{
    public int[] Counts { get; private set; } = [];

    public int[] Indices { get; private set; } = new int[256];

    public float[] Values { get; private set; } = new float[256];

    public int Count { get; private set; }

    public void Reset(int dimension)
    {
        if (Counts.Length < dimension)
        {
            Counts = new int[dimension];
        }

        Count = 0;
    }

    /// <summary>Counts one more occurrence of <paramref name="feature"/>, recording it on first sight.</summary>
    /// <remarks>Inlined into the extractor's loops, once per feature occurrence; growing is kept out of line.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Count1(int feature)
    {
        if (Counts[feature]++ == 0)
        {
            if (Count == Indices.Length)
            {
                Grow();
            }

            Indices[Count++] = feature;
        }
    }

    private void Grow()
    {
        int[] indices = new int[Count * 2];
        Indices.AsSpan().CopyTo(indices);
        Indices = indices;
        Values = new float[Count * 2];
    }
}
