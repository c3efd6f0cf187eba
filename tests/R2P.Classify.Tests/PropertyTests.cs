using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace R2P.Classify.Tests;

/// <summary>Invariants over arbitrary strings, including strings mixing the six UN scripts.</summary>
public class PropertyTests
{
    private static readonly R2PClassifier Classifier = R2PClassifier.LoadDefault();

    /// <summary>Strings built from pieces of every script the classifier meets, plus hostile characters.</summary>
    public static class UnScriptStrings
    {
        private static readonly string[] Pieces =
        [
            "the Security Council", " veto ", "protection of civilians", "responsabilité de protéger", "Consejo de Seguridad",
            "ответственность по защите", "保护的责任", "安理会", "المسؤولية عن الحماية", "مجلس الأمن", "\u064E\u0640", "\0", "\uD800",
            "\uDC00", "\u200F", "\u202E", "😀", "e\u0301", "\r\n\r\n", "  ", "—", "1973", "ﷺ", "ﬁ",
        ];

        public static Arbitrary<string> Strings() =>
            Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
                Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts)),
                Gen.Choose(0, 0xFFFF).Select(c => (char)c).ArrayOf().Select(chars => new string(chars)))
            .ToArbitrary();
    }

    [Property(Arbitrary = [typeof(UnScriptStrings)], MaxTest = 300)]
    public bool Classification_never_throws_and_scores_are_probabilities(string text)
    {
        ParagraphClassification result = Classifier.Classify(text);
        return result.Scores.Count == 15 && result.Scores.All(s => s.Score is >= 0f and <= 1f && float.IsFinite(s.Score));
    }

    [Property(Arbitrary = [typeof(UnScriptStrings)], MaxTest = 200)]
    public bool Classification_is_deterministic(string text) =>
        Classifier.Classify(text).Scores.SequenceEqual(Classifier.Classify(new string(text.AsSpan())).Scores);

    [Property(Arbitrary = [typeof(UnScriptStrings)], MaxTest = 100)]
    public bool A_saved_and_reloaded_model_scores_identically(string text)
    {
        return Reloaded.Value.Classify(text).Scores.SequenceEqual(TestModelClassifier.Value.Classify(text).Scores);
    }

    [Property(Arbitrary = [typeof(UnScriptStrings)], MaxTest = 300)]
    public bool Streaming_a_text_gives_the_paragraphs_and_offsets_of_splitting_it_whole(string text, PositiveInt bufferSize)
    {
        var whole = Text.ParagraphSplitter.Split(text).Select(r => (text[r], r.Start.Value, r.End.Value - r.Start.Value));
        var streamed = Text.ParagraphSplitter.Read(new StringReader(text), 1 + (bufferSize.Get % 9));
        return whole.SequenceEqual(streamed);
    }

    [Property(Arbitrary = [typeof(UnScriptStrings)], MaxTest = 300)]
    public bool The_lexicon_finds_the_same_terms_in_the_tokenizers_folded_text_as_in_its_own(string text)
    {
        // The extractor folds once and lets the lexicon match that text; Lexicon.Fold is the definition it must keep to.
        var withLexicon = new Features.FeatureExtractor(new Features.FeatureOptions { CharNgramMinLength = 0, CharNgramMaxLength = 0, Lexicon = Features.Lexicon.Default });
        var withoutLexicon = new Features.FeatureExtractor(new Features.FeatureOptions { CharNgramMinLength = 0, CharNgramMaxLength = 0 });
        var all = new List<(ulong, int, int)>();
        var words = new List<(ulong, int, int)>();
        var viaExtractor = new ListSink(all);
        var wordsOnly = new ListSink(words);
        withLexicon.Extract(text, ref viaExtractor);
        withoutLexicon.Extract(text, ref wordsOnly);

        char[] folded = new char[text.Length + 1];
        int[] origin = new int[text.Length + 1];
        int length = Features.Lexicon.Fold(text, folded, origin);
        var terms = new List<(ulong, int, int)>();
        var direct = new ListSink(terms);
        Features.Lexicon.Default.Match(folded, origin, length, ref direct);

        return all.SequenceEqual(words.Concat(terms));
    }

    private readonly struct ListSink(List<(ulong, int, int)> features) : Features.IFeatureSink
    {
        public void Add(ulong feature, int start, int end) => features.Add((feature, start, end));
    }

    private static readonly Lazy<R2PClassifier> TestModelClassifier = new(() => TestModels.Small.CreateClassifier());

    private static readonly Lazy<R2PClassifier> Reloaded = new(() =>
    {
        var stream = new MemoryStream();
        TestModels.Small.Save(stream);
        stream.Position = 0;
        return R2PClassifier.Load(stream);
    });
}
