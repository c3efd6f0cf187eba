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
}
