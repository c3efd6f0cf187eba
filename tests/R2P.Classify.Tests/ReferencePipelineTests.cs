using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using R2P.Classify.Training;

namespace R2P.Classify.Tests;

/// <summary>
/// The fast scorer gives the scores of the ML.NET pipeline (features → ML.NET's own linear predictors →
/// ML.NET's Platt calibrator → PredictionEngine) on the default model retrained from the corpus.
/// </summary>
public class ReferencePipelineTests
{
    private const float Tolerance = 1e-5f;

    private static readonly Lazy<R2PClassifier> Fast = new(() => TestModels.Retrained.CreateClassifier());

    // A prediction engine is not thread-safe; FsCheck and xunit may call from several threads.
    private static readonly ThreadLocal<ReferencePipeline> Reference = new(() => ReferencePipeline.Create(TestModels.Retrained));

    [Fact]
    public void Fast_path_equals_the_MLNET_pipeline_on_every_seed_paragraph()
    {
        var paragraphs = CorpusReader.Read([RepoPaths.SeedGold]).Select(p => p.Text).ToList();
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Seeds, "documents")).Order(StringComparer.Ordinal))
        {
            paragraphs.AddRange(DocumentReader.ReadParagraphs(file).Select(p => p.Text));
        }

        Assert.True(paragraphs.Count > 200, $"only {paragraphs.Count} seed paragraphs found");
        int labelled = 0;
        foreach (string text in paragraphs)
        {
            float[] expected = Reference.Value!.Score(text);
            ParagraphClassification fast = Fast.Value.Classify(text);
            labelled += fast.Labels.Count > 0 ? 1 : 0;
            Assert.Equal(15, expected.Length);
            for (int l = 0; l < expected.Length; l++)
            {
                Assert.True(
                    Math.Abs(expected[l] - fast.Scores[l].Score) <= Tolerance,
                    $"{Fast.Value.Labels[l].Id} on \"{text[..Math.Min(60, text.Length)]}…\": ML.NET {expected[l]}, fast {fast.Scores[l].Score}");
            }
        }

        // The comparison means something only if the model actually fires on the seeds.
        Assert.True(labelled > paragraphs.Count / 4, $"only {labelled} of {paragraphs.Count} paragraphs got a label");
    }

    [Property(Arbitrary = [typeof(SixScriptText)], MaxTest = 300)]
    public bool Fast_path_equals_the_MLNET_pipeline_on_text_in_the_six_scripts(string text)
    {
        float[] expected = Reference.Value!.Score(text);
        Span<float> fast = stackalloc float[15];
        Fast.Value.Classify(text.AsSpan(), fast);
        for (int l = 0; l < expected.Length; l++)
        {
            if (!(Math.Abs(expected[l] - fast[l]) <= Tolerance))
            {
                return false;
            }
        }

        return expected.Length == 15;
    }

    /// <summary>
    /// Text in one of the six scripts: words drawn from the corpus paragraphs of that language (so that
    /// vocabulary, bigram and lexicon features fire), random words in the script's alphabet, punctuation.
    /// </summary>
    public static class SixScriptText
    {
        private static readonly (char First, char Last)[] Alphabets =
        [
            ('a', 'z'), ('à', 'ÿ'), ('\u0621', '\u064A'), ('\u0430', '\u044F'), ('\u4E00', '\u9FA5'), ('A', 'Z'),
        ];

        private static readonly Lazy<string[][]> WordsByLanguage = new(() =>
            TestModels.Corpus
                .GroupBy(p => p.Language, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.SelectMany(p => p.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray())
                .ToArray());

        public static Arbitrary<string> Strings()
        {
            Gen<string> Word(string[] words, (char First, char Last) alphabet) =>
                Gen.Frequency(
                    (6, Gen.Elements(words)),
                    (2, Gen.Choose(alphabet.First, alphabet.Last).Select(c => (char)c).ArrayOf().Select(chars => new string(chars))),
                    (1, Gen.Elements(",", ".", "—", "«", "»", "،", "。", "1973", "\n\n", "\u0640", "e\u0301")));

            Gen<string> language =
                from l in Gen.Choose(0, WordsByLanguage.Value.Length - 1)
                from a in Gen.Choose(0, Alphabets.Length - 1)
                from words in Word(WordsByLanguage.Value[l], Alphabets[a]).ListOf()
                select string.Join(' ', words);
            return language.ToArbitrary();
        }
    }
}
