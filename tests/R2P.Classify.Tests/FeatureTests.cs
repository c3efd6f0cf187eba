using R2P.Classify.Features;

namespace R2P.Classify.Tests;

public class FeatureTests
{
    private struct ListSink : IFeatureSink
    {
        public List<(ulong Feature, int Start, int End)> Items;

        public void Add(ulong feature, int start, int end) => Items.Add((feature, start, end));
    }

    private static List<(ulong Feature, int Start, int End)> Extract(string text, FeatureOptions? options = null)
    {
        var sink = new ListSink { Items = [] };
        new FeatureExtractor(options ?? FeatureOptions.Default).Extract(text, ref sink);
        return sink.Items;
    }

    [Fact]
    public void Square_root_normalization_divides_by_the_square_root_of_the_norm_that_unit_length_divides_by()
    {
        FeatureSpace squareRoot = TestModels.Small.Model.Features;
        Assert.Equal(Training.FeatureNormalization.SquareRootLength, squareRoot.Options.Normalization);
        var unit = new FeatureSpace(squareRoot.Options with { Normalization = Training.FeatureNormalization.UnitLength }, squareRoot.Vocabulary, squareRoot.Idf);
        foreach (string text in TestModels.Corpus.Take(50).Select(p => p.Text))
        {
            var a = new VectorScratch();
            var b = new VectorScratch();
            squareRoot.Vectorize(text, a);
            unit.Vectorize(text, b);
            Assert.Equal(a.Indices.Take(a.Count), b.Indices.Take(b.Count));
            double unitNorm = Math.Sqrt(b.Values.Take(b.Count).Sum(v => (double)v * v));
            double rootNorm = Math.Sqrt(a.Values.Take(a.Count).Sum(v => (double)v * v));
            Assert.Equal(1.0, unitNorm, tolerance: 1e-5);
            Assert.True(rootNorm > 1.5, $"a paragraph's raw TF-IDF norm is well above 1, so its square-root-scaled vector is longer than a unit one (was {rootNorm})");

            // unit = raw / N and root = raw / sqrt(N), so root = unit * sqrt(N) = unit * |root|.
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(b.Values[i] * rootNorm, a.Values[i], tolerance: 1e-5);
            }
        }
    }

    [Fact]
    public void Case_and_diacritics_do_not_change_features()
    {
        Assert.Equal(Extract("Sécurité Collective").Select(f => f.Feature), Extract("securite collective").Select(f => f.Feature));
    }

    [Fact]
    public void Word_order_matters_through_bigrams()
    {
        var ab = Extract("veto restraint", new FeatureOptions { CharNgramMinLength = 0 }).Select(f => f.Feature).ToHashSet();
        var ba = Extract("restraint veto", new FeatureOptions { CharNgramMinLength = 0 }).Select(f => f.Feature).ToHashSet();
        Assert.Equal(3, ab.Count);
        Assert.Equal(2, ab.Intersect(ba).Count());
    }

    [Fact]
    public void Every_feature_points_at_a_span_of_the_text()
    {
        string text = "Le Conseil — 安理会 — must act; مجلس الأمن.";
        foreach (var (_, start, end) in Extract(text))
        {
            Assert.InRange(start, 0, text.Length - 1);
            Assert.InRange(end, start + 1, text.Length);
        }
    }

    [Fact]
    public void Chinese_characters_form_unigrams_and_bigrams()
    {
        var features = Extract("保护平民", new FeatureOptions { CharNgramMinLength = 0 });
        Assert.Equal(7, features.Count); // 4 characters + 3 adjacent pairs
    }

    [Fact]
    public void A_huge_token_costs_linear_work()
    {
        string token = new('a', 100_000);
        var features = Extract(token);
        Assert.True(features.Count < 200, $"{features.Count} features for one long token");
    }

    [Fact]
    public void Vocabulary_finds_every_kept_hash_and_nothing_else()
    {
        ulong[] hashes = Enumerable.Range(1, 1000).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToArray();
        var vocabulary = new Vocabulary(hashes);
        for (int i = 0; i < hashes.Length; i++)
        {
            Assert.Equal(i, vocabulary.IndexOf(hashes[i]));
        }

        Assert.Equal(-1, vocabulary.IndexOf(12345));
    }

    [Fact]
    public void Lexicon_weight_multiplies_the_idf_of_the_lexicon_features_and_nothing_else()
    {
        var options = FeatureOptions.Default with { Lexicon = Lexicon.Default };
        string[] texts = [.. TestModels.Corpus.Take(400).Select(p => p.Text)];
        ulong[][] hashes = Training.FeatureSpaceBuilder.DistinctHashes(texts, options);
        int[] rows = [.. Enumerable.Range(0, texts.Length)];
        FeatureSpace plain = Training.FeatureSpaceBuilder.Build(hashes, rows, options, 2, 80_000);
        FeatureSpace weighted = Training.FeatureSpaceBuilder.Build(hashes, rows, options, 2, 80_000, lexiconWeight: 3f);

        var lexiconFeatures = new HashSet<ulong>(Lexicon.Default.LabelFeatures);
        Assert.Equal(plain.Dimension, weighted.Dimension);
        int scaled = 0;
        ulong[] kept = plain.Vocabulary.Hashes.ToArray();
        for (int index = 0; index < kept.Length; index++)
        {
            ulong hash = kept[index];
            float expected = lexiconFeatures.Contains(hash) ? 3f * plain.Idf[index] : plain.Idf[index];
            scaled += lexiconFeatures.Contains(hash) ? 1 : 0;
            Assert.Equal(expected, weighted.Idf[index], tolerance: 1e-5);
        }

        Assert.True(scaled >= 10, $"the corpus sample should reach most labels' lexicon features (reached {scaled})");
    }
}
