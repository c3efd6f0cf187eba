using System.Text.Json;
using R2P.Classify.Training;

namespace R2P.Classify.Tests;

public class EvidenceTests
{
    private static readonly R2PClassifier Classifier = R2PClassifier.LoadDefault();

    public static TheoryData<string> LabeledSeedParagraphs()
    {
        var data = new TheoryData<string>();
        foreach (LabeledParagraph p in CorpusReader.Read([RepoPaths.SeedGold]).Where(p => p.Labels.Count > 0))
        {
            data.Add(p.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LabeledSeedParagraphs))]
    public void Removing_the_top_evidence_span_lowers_that_labels_score(string id)
    {
        string text = CorpusReader.Read([RepoPaths.SeedGold]).Single(p => p.Id == id).Text;
        ParagraphClassification explained = Classifier.Explain(text);
        Assert.Equal(explained.Labels.Select(l => l.Label), explained.Evidence.Select(e => e.Label));
        foreach (LabelEvidence evidence in explained.Evidence)
        {
            Evidence top = evidence.Spans[0];
            Assert.Equal(top.Text, text.Substring(top.Start, top.Length));
            Assert.True(top.Weight > 0);
            string without = string.Concat(text.AsSpan(0, top.Start), " ", text.AsSpan(top.Start + top.Length));
            float before = explained.ScoreOf(evidence.Label);
            float after = Classifier.Classify(without).ScoreOf(evidence.Label);
            Assert.True(after < before, $"{evidence.Label}: removing «{top.Text}» took the score from {before} to {after}");
        }
    }

    [Fact]
    public void Evidence_is_strongest_first_and_bounded()
    {
        ParagraphClassification explained = Classifier.Explain(
            "The Council must act under Chapter VII; the veto must not block action against genocide, and we support the code of conduct.", maxSpans: 3);
        Assert.NotEmpty(explained.Evidence);
        Assert.All(explained.Evidence, e =>
        {
            Assert.InRange(e.Spans.Count, 1, 3);
            Assert.Equal(e.Spans.OrderByDescending(s => s.Weight).Select(s => s.Weight), e.Spans.Select(s => s.Weight));
        });
        Assert.Contains(explained.Evidence.Single(e => e.Label == "veto-restraint").Spans, s => s.Text.Contains("veto", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Classify_gives_no_evidence_and_explain_gives_the_same_scores()
    {
        const string text = "We support the code of conduct on the veto.";
        Assert.Empty(Classifier.Classify(text).Evidence);
        Assert.Equal(Classifier.Classify(text).Scores, Classifier.Explain(text).Scores);
    }

    [Fact]
    public void Top_returns_the_best_scores_whatever_the_thresholds()
    {
        ParagraphClassification result = Classifier.Classify("Thank you, Mr. President.");
        IReadOnlyList<LabelScore> top = result.Top(3);
        Assert.Equal(3, top.Count);
        Assert.Equal(result.Scores.Max(s => s.Score), top[0].Score);
    }

    [Fact]
    public void The_cli_explain_option_writes_evidence_with_offsets()
    {
        using var dir = new TempDir();
        string input = dir.File("in.jsonl");
        File.WriteAllText(input, """{"id": "v", "text": "We call on the permanent members to refrain from using the veto in situations of mass atrocities."}""" + "\n");
        var output = new StringWriter();
        Assert.Equal(0, Cli.Program.Run(["classify", input, "--format", "jsonl", "--explain"], output, new StringWriter()));
        JsonElement row = JsonDocument.Parse(output.ToString()).RootElement;
        string text = row.GetProperty("text").GetString()!;
        JsonElement spans = row.GetProperty("evidence").GetProperty("veto-restraint");
        foreach (JsonElement span in spans.EnumerateArray())
        {
            Assert.Equal(span.GetProperty("text").GetString(), text.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32()));
        }
    }

    [Fact]
    public void Calibration_error_is_small_for_calibrated_and_large_for_miscalibrated_scores()
    {
        var random = new Random(7);
        float[] p = Enumerable.Range(0, 5000).Select(_ => (float)random.NextDouble()).ToArray();
        bool[] calibrated = p.Select(x => random.NextDouble() < x).ToArray();
        bool[] inverted = p.Select(x => random.NextDouble() < 1 - x).ToArray();
        Assert.True(Calibration.ExpectedCalibrationError(p, calibrated) < 0.05);
        Assert.True(Calibration.ExpectedCalibrationError(p, inverted) > 0.3);
    }
}
