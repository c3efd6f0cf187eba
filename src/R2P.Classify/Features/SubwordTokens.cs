using Microsoft.ML.Tokenizers;

namespace R2P.Classify.Features;

/// <summary>
/// Subword features from Microsoft.ML.Tokenizers: the o200k_base byte-pair encoding (a multilingual
/// vocabulary covering all six UN scripts) splits text into subword tokens, whose ids and adjacent
/// pairs become features. An option of the featurization, compared with word and character n-grams
/// in docs/model-selection.md; it allocates per call, unlike the default features.
/// </summary>
internal static class SubwordTokens
{
    /// <summary>The encoding's name, recorded in the model manifest.</summary>
    public const string Encoding = "o200k_base";

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding(Encoding));

    public static void Extract<TSink>(string text, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (text.Length == 0)
        {
            return;
        }

        // Lower case first: a statement's capitalised heading and its body should share tokens.
        string lower = text.ToLowerInvariant();
        IReadOnlyList<EncodedToken> tokens = Tokenizer.Value.EncodeToTokens(lower, out _);
        ulong previous = 0;
        int previousStart = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            (int start, int length) = tokens[i].Offset.GetOffsetAndLength(lower.Length);
            int end = Math.Min(text.Length, start + Math.Max(1, length));
            start = Math.Min(start, text.Length - 1);
            ulong id = FeatureHash.Finish((ulong)(uint)tokens[i].Id, FeatureHash.SubwordTag);
            sink.Add(id, start, end);
            if (i > 0)
            {
                sink.Add(FeatureHash.Combine(previous, id), previousStart, end);
            }

            previous = id;
            previousStart = start;
        }
    }
}
