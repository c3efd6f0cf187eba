using System.Text.RegularExpressions;
using R2P.Classify.Text;
using R2P.Classify.Training;

namespace R2P.Classify.Tests;

/// <summary>The training corpus in seeds/corpus meets its floors and has no near-duplicates.</summary>
public partial class CorpusTests
{
    private static readonly Dictionary<string, int> LanguageFloors = new()
    {
        ["en"] = 1500, ["ar"] = 300, ["fr"] = 300, ["es"] = 300, ["ru"] = 200, ["zh"] = 200,
    };

    private static IReadOnlyList<LabeledParagraph> Corpus => TestModels.Corpus;

    [Fact]
    public void Every_row_has_an_id_a_document_a_language_text_and_valid_labels()
    {
        // CorpusReader has already checked JSON, unique ids and label ids; check the corpus's own conventions.
        Assert.All(Corpus, p =>
        {
            Assert.Contains(p.Language, LanguageFloors.Keys);
            Assert.StartsWith(p.Document + "-p", p.Id);
            Assert.False(string.IsNullOrWhiteSpace(p.Text));
        });
    }

    [Fact]
    public void The_language_of_each_row_agrees_with_its_script()
    {
        var mismatches = Corpus
            .Select(p => (p.Id, p.Language, Detected: LanguageDetector.Detect(p.Text)))
            .Where(x => ScriptOf(x.Language) != ScriptOf(x.Detected))
            .ToArray();
        Assert.True(mismatches.Length == 0, string.Join("\n", mismatches.Take(10)));
    }

    [Fact]
    public void The_corpus_meets_its_size_floors()
    {
        var failures = new List<string>();
        if (Corpus.Count < 3000)
        {
            failures.Add($"{Corpus.Count} paragraphs < 3000");
        }

        foreach ((string language, int floor) in LanguageFloors)
        {
            int count = Corpus.Count(p => p.Language == language);
            if (count < floor)
            {
                failures.Add($"{language}: {count} paragraphs < {floor}");
            }
        }

        double unlabeled = Corpus.Count(p => p.Labels.Count == 0) / (double)Corpus.Count;
        if (unlabeled < 0.2)
        {
            failures.Add($"unlabeled share {unlabeled:P0} < 20%");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_label_has_150_positives_and_20_in_each_language()
    {
        var failures = new List<string>();
        foreach (LabelDefinition label in LabelSet.V1)
        {
            int total = Corpus.Count(p => p.Labels.Contains(label.Id));
            if (total < 150)
            {
                failures.Add($"{label.Id}: {total} < 150");
            }

            foreach (string language in LanguageFloors.Keys)
            {
                int count = Corpus.Count(p => p.Language == language && p.Labels.Contains(label.Id));
                if (count < 20)
                {
                    failures.Add($"{label.Id}/{language}: {count} < 20");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void No_two_paragraphs_share_half_their_shingles()
    {
        // Word 5-grams (character 8-grams for Chinese); Jaccard >= 0.5 is a near-duplicate.
        HashSet<string>[] shingles = Corpus.Select(p => Shingles(p.Text)).ToArray();
        var index = new Dictionary<string, List<int>>();
        for (int i = 0; i < shingles.Length; i++)
        {
            foreach (string s in shingles[i])
            {
                (index.TryGetValue(s, out var list) ? list : index[s] = []).Add(i);
            }
        }

        var shared = new Dictionary<(int, int), int>();
        foreach (List<int> ids in index.Values.Where(l => l.Count is > 1 and < 50))
        {
            for (int a = 0; a < ids.Count; a++)
            {
                for (int b = a + 1; b < ids.Count; b++)
                {
                    shared[(ids[a], ids[b])] = shared.GetValueOrDefault((ids[a], ids[b])) + 1;
                }
            }
        }

        var duplicates = shared
            .Where(kv => kv.Value / (double)(shingles[kv.Key.Item1].Count + shingles[kv.Key.Item2].Count - kv.Value) >= 0.5)
            .Select(kv => $"{Corpus[kv.Key.Item1].Id} ~ {Corpus[kv.Key.Item2].Id}")
            .ToArray();
        Assert.True(duplicates.Length == 0, string.Join("\n", duplicates.Take(10)));
    }

    [Fact]
    public void The_near_duplicate_check_can_fail()
    {
        string text = "The Council must act without delay to protect the civilians of the besieged city, to open humanitarian corridors " +
            "for the wounded and the hungry, and to hold to account those who have ordered the shelling of hospitals and schools.";
        HashSet<string> a = Shingles(text), b = Shingles(text.Replace("besieged", "encircled"));
        Assert.True(a.Intersect(b).Count() / (double)a.Union(b).Count() >= 0.5);
    }

    private static string ScriptOf(string language) => language switch
    {
        "en" or "fr" or "es" => "latin",
        _ => language,
    };

    private static HashSet<string> Shingles(string text)
    {
        if (HanPattern().IsMatch(text))
        {
            string chars = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
            return Enumerable.Range(0, Math.Max(0, chars.Length - 7)).Select(i => chars.Substring(i, 8)).ToHashSet();
        }

        string[] words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        return Enumerable.Range(0, Math.Max(0, words.Length - 4)).Select(i => string.Join(' ', words, i, 5)).ToHashSet();
    }

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex HanPattern();

    [GeneratedRegex(@"\w+")]
    private static partial Regex WordPattern();
}
