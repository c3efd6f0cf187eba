namespace R2P.Classify.Tests;

public class ClassifierTests
{
    private const string VetoParagraph =
        "When the Council is paralysed by a veto while civilians are shelled, it fails the very people it was created to protect. " +
        "We therefore support the ACT code of conduct and the French-Mexican initiative on the voluntary restraint of the veto in cases of mass atrocities.";

    [Fact]
    public void The_default_model_loads_and_finds_veto_restraint()
    {
        using var classifier = R2PClassifier.LoadDefault();
        ParagraphClassification result = classifier.Classify(VetoParagraph);
        Assert.True(result.HasLabel("veto-restraint"), string.Join(", ", result.Labels));
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void Greetings_get_no_label()
    {
        using var classifier = R2PClassifier.LoadDefault();
        Assert.Empty(classifier.Classify("I thank you, Mr. President.").Labels);
    }

    [Fact]
    public void Labels_are_those_at_or_above_threshold_best_first_and_scores_cover_every_label()
    {
        using var classifier = R2PClassifier.LoadDefault();
        ParagraphClassification result = classifier.Classify(VetoParagraph);
        Assert.Equal(classifier.Labels.Select(l => l.Id), result.Scores.Select(s => s.Label));
        var expected = result.Scores.Where(s => s.Score >= classifier.Model.Thresholds[s.Label]).OrderByDescending(s => s.Score).ToArray();
        Assert.Equal(expected, result.Labels);
        Assert.All(result.Labels, l => Assert.Equal(classifier.Labels.Single(d => d.Id == l.Label).Kind, l.Kind));
    }

    [Fact]
    public void Pillars_and_themes_are_told_apart()
    {
        Assert.Equal(3, LabelSet.V1.Count(l => l.Kind == LabelKind.Pillar));
        Assert.Equal(12, LabelSet.V1.Count(l => l.Kind == LabelKind.Theme));
        using var classifier = R2PClassifier.LoadDefault();
        ParagraphClassification result = classifier.Classify(VetoParagraph);
        Assert.All(result.Pillars, p => Assert.Equal(LabelKind.Pillar, p.Kind));
        Assert.All(result.Themes, t => Assert.Equal(LabelKind.Theme, t.Kind));
    }

    [Fact]
    public void The_span_overload_gives_the_same_scores_without_a_result_object()
    {
        using var classifier = R2PClassifier.LoadDefault();
        float[] buffer = new float[classifier.Labels.Count];
        classifier.Classify(VetoParagraph.AsSpan(), buffer);
        Assert.Equal(classifier.Classify(VetoParagraph).Scores.Select(s => s.Score), buffer);
        Assert.Throws<ArgumentException>(() => classifier.Classify(VetoParagraph.AsSpan(), new float[3]));
    }

    [Fact]
    public void The_span_overload_allocates_nothing_per_call()
    {
        using var classifier = R2PClassifier.LoadDefault();
        float[] buffer = new float[classifier.Labels.Count];
        string[] texts =
        [
            VetoParagraph,
            "المسؤولية عن الحماية تقع أولاً على عاتق الدولة، ومجلس الأمن مسؤول عن حماية المدنيين.",
            "保护的责任首先在于国家。安理会应当防止暴行。",
            "Ответственность по защите лежит прежде всего на государстве.",
            "La responsabilité de protéger incombe d'abord à l'État. El Consejo de Seguridad debe actuar.",
            string.Concat(Enumerable.Repeat(VetoParagraph + " ", 40)),
        ];

        // The first calls size this thread's buffers and the pools; after that a call allocates nothing.
        foreach (string text in texts)
        {
            classifier.Classify(text.AsSpan(), buffer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 20; round++)
        {
            foreach (string text in texts)
            {
                classifier.Classify(text.AsSpan(), buffer);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated by {20 * texts.Length} calls");
        Assert.Contains(buffer, s => s > 0.5f);
    }

    [Fact]
    public void ClassifyStream_keeps_input_order_across_batches_and_equals_one_by_one()
    {
        using var classifier = R2PClassifier.LoadDefault(new ClassifierOptions { MaxDegreeOfParallelism = 2 });
        string[] texts = Enumerable.Range(0, 2500).Select(i => i % 3 == 0 ? VetoParagraph + " " + i : $"Paragraph {i} on civilians and refugees.").ToArray();
        var results = classifier.ClassifyStream(texts.Select((t, i) => (Text: t, Index: i)), x => x.Text).ToList();
        Assert.Equal(Enumerable.Range(0, texts.Length), results.Select(r => r.Item.Index));
        foreach (int i in new[] { 0, 1, 1023, 1024, 2047, 2048, 2499 })
        {
            Assert.Equal(classifier.Classify(texts[i]).Scores, results[i].Classification.Scores);
        }
    }

    [Fact]
    public void ClassifyStream_returns_every_item_read_before_a_failure_then_rethrows()
    {
        using var classifier = R2PClassifier.LoadDefault();
        static IEnumerable<string> FailingAfter(int count)
        {
            for (int i = 0; i < count; i++)
            {
                yield return $"Paragraph {i}.";
            }

            throw new InvalidDataException("line 1500 is broken");
        }

        var seen = new List<string>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach ((string text, ParagraphClassification _) in classifier.ClassifyStream(FailingAfter(1500), t => t))
            {
                seen.Add(text);
            }
        });
        Assert.Equal("line 1500 is broken", error.Message);
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => $"Paragraph {i}."), seen);
    }

    [Fact]
    public void ClassifyMany_keeps_input_order_and_equals_one_by_one()
    {
        using var classifier = R2PClassifier.LoadDefault(new ClassifierOptions { MaxDegreeOfParallelism = 2 });
        string[] texts = TestModels.Corpus.Take(300).Select(p => p.Text).ToArray();
        var many = classifier.ClassifyMany(texts);
        Assert.Equal(texts.Length, many.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(classifier.Classify(texts[i]).Scores, many[i].Scores);
        }
    }

    [Fact]
    public void One_classifier_shared_by_threads_gives_the_sequential_results()
    {
        using var classifier = R2PClassifier.LoadDefault();
        string[] texts = TestModels.Corpus.Take(400).Select(p => p.Text).ToArray();
        float[][] sequential = texts.Select(t => classifier.Classify(t).Scores.Select(s => s.Score).ToArray()).ToArray();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (int round = 0; round < 3; round++)
            {
                for (int i = worker; i < texts.Length; i += 3)
                {
                    Assert.Equal(sequential[i], classifier.Classify(texts[i]).Scores.Select(s => s.Score).ToArray());
                }
            }
        });
    }

    [Fact]
    public void ClassifyDocument_returns_paragraphs_with_offsets_into_the_document()
    {
        string document = File.ReadAllText(RepoPaths.SeedDocument("000_c70990869e76fe68.txt"));
        using var classifier = R2PClassifier.LoadDefault();
        DocumentClassification result = classifier.ClassifyDocument(document);
        Assert.True(result.Paragraphs.Count > 10);
        Assert.Equal(Enumerable.Range(1, result.Paragraphs.Count), result.Paragraphs.Select(p => p.Number));
        foreach (ClassifiedParagraph paragraph in result.Paragraphs)
        {
            Assert.Equal(paragraph.Text, document.Substring(paragraph.Start, paragraph.Length));
            Assert.Equal(classifier.Classify(paragraph.Text).Scores, paragraph.Classification.Scores);
        }

        Assert.Equal(result.Paragraphs.Count(p => p.Classification.HasLabel("veto-restraint")), result.LabelCounts["veto-restraint"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Empty_input_gets_no_label(string? text)
    {
        using var classifier = R2PClassifier.LoadDefault();
        ParagraphClassification result = classifier.Classify(text);
        Assert.Empty(result.Labels);
        Assert.Equal(15, result.Scores.Count);
    }

    [Fact]
    public void Unknown_label_lookups_name_the_valid_ids()
    {
        using var classifier = R2PClassifier.LoadDefault();
        var e = Assert.Throws<ArgumentException>(() => classifier.Classify("text").ScoreOf("vetoes"));
        Assert.Contains("veto-restraint", e.Message);
    }

    [Fact]
    public void A_disposed_classifier_says_so()
    {
        var classifier = R2PClassifier.LoadDefault();
        classifier.Dispose();
        Assert.Throws<ObjectDisposedException>(() => classifier.Classify("text"));
    }

    [Fact]
    public void Invalid_options_are_refused_once_at_load() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => R2PClassifier.LoadDefault(new ClassifierOptions { MaxDegreeOfParallelism = 0 }));
}
