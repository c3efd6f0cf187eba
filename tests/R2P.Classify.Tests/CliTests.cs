using System.Text.Json;
using R2P.Classify.Cli;

namespace R2P.Classify.Tests;

public class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Classify_prints_the_labeled_paragraphs_of_a_seed_document()
    {
        var (exit, output, error) = Run("classify", RepoPaths.SeedDocument("000_c70990869e76fe68.txt"));
        Assert.True(exit == 0, error);
        Assert.Contains("veto-restraint", output);
        Assert.Contains("Deputy Prime Minister", output);
    }

    [Fact]
    public void Jsonl_in_gives_one_row_per_input_row_with_the_same_ids_in_order()
    {
        using var dir = new TempDir();
        string input = dir.File("in.jsonl");
        string[] ids = ["z-last", "a-first", "m-middle", "42"];
        File.WriteAllLines(input,
        [
            """{"id": "z-last", "text": "First paragraph.\n\nStill the same row, not re-split.", "extra": 1}""",
            """{"id": "a-first", "text": "The veto must not block action against genocide; we support the code of conduct."}""",
            "",
            """{"id": "m-middle", "text": "مجلس الأمن"}""",
            """{"id": 42, "text": "Le Conseil doit agir."}""",
        ]);
        var (exit, output, error) = Run("classify", input, "--format", "jsonl");
        Assert.True(exit == 0, error);
        JsonElement[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(ids, rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("ar", rows[2].GetProperty("lang").GetString());
        Assert.Contains("veto-restraint", rows[1].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(15, rows[0].GetProperty("scores").EnumerateObject().Count());
        Assert.Contains("Still the same row", rows[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Text_documents_give_ids_with_paragraph_numbers_and_csv_has_a_header()
    {
        using var dir = new TempDir();
        string input = dir.File("doc.txt");
        File.WriteAllText(input, "Mr. President,\n\nWe support the code of conduct on the veto.\n");
        var (exit, output, _) = Run("classify", input, "--format", "csv");
        Assert.Equal(0, exit);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,source,paragraph,lang,labels,state-responsibility", lines[0]);
        Assert.StartsWith($"{input}#p1,", lines[1]);
        Assert.StartsWith($"{input}#p2,", lines[2]);
    }

    [Fact]
    public void Output_file_is_written_whole()
    {
        using var dir = new TempDir();
        string output = dir.File("out.jsonl");
        var (exit, stdout, _) = Run("classify", RepoPaths.SeedDocument("001_1d78c931a1c408e6.txt"), "--format", "jsonl", "--output", output);
        Assert.Equal(0, exit);
        Assert.Empty(stdout);
        Assert.True(File.ReadAllLines(output).Length > 5);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_missing_input_is_one_line_on_stderr_and_the_other_inputs_are_still_classified()
    {
        var (exit, output, error) = Run("classify", "/no/such/file.txt", RepoPaths.SeedDocument("004_20056a2cff290050.txt"), "--format", "jsonl");
        Assert.Equal(1, exit);
        Assert.Contains("r2p: error: /no/such/file.txt: no such file or folder", error);
        Assert.DoesNotContain("   at ", error);
        Assert.NotEmpty(output);
    }

    [Fact]
    public void A_damaged_model_is_one_line_and_a_non_zero_exit()
    {
        using var dir = new TempDir();
        string model = dir.File("bad.zip");
        File.WriteAllText(model, "not a zip");
        var (exit, _, error) = Run("classify", RepoPaths.SeedDocument("004_20056a2cff290050.txt"), "--model", model);
        Assert.Equal(1, exit);
        Assert.StartsWith("r2p: error: The model", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Usage_errors_exit_with_2()
    {
        Assert.Equal(2, Run("classify").Exit);
        Assert.Equal(2, Run("classify", "x.txt", "--format", "xml").Exit);
        Assert.Equal(2, Run("frobnicate").Exit);
    }

    [Fact]
    public void Evaluate_prints_per_label_metrics_and_averages_overall_and_by_language()
    {
        var (exit, output, error) = Run("evaluate", "--data", RepoPaths.SeedGold);
        Assert.True(exit == 0, error);
        foreach (string expected in new[] { "precision", "recall", "f1", "support", "macro-F1", "micro-F1", "95% bootstrap interval", "veto-restraint", "ar ", "en " })
        {
            Assert.Contains(expected, output);
        }
    }

    [Fact]
    public void Evaluate_as_json_parses()
    {
        var (exit, output, _) = Run("evaluate", "--data", RepoPaths.SeedGold, "--format", "json");
        Assert.Equal(0, exit);
        JsonElement root = JsonDocument.Parse(output).RootElement;
        double macro = root.GetProperty("macroF1").GetDouble();
        Assert.InRange(macro, 0, 1);
        double[] interval = root.GetProperty("macroF1Interval95").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(2, interval.Length);
        Assert.InRange(macro, interval[0], interval[1]);
        Assert.True(root.GetProperty("byLanguage").TryGetProperty("ar", out _));
    }

    [Fact]
    public void Train_writes_a_model_and_its_card_that_classify_can_use()
    {
        using var dir = new TempDir();
        string data = dir.File("train.jsonl");
        File.WriteAllLines(data, TestModels.SmallCorpus.Select(p => JsonSerializer.Serialize(new { id = p.Id, doc = p.Document, lang = p.Language, text = p.Text, labels = p.Labels })));
        string model = dir.File("model.zip");
        var (exit, output, error) = Run("train", "--data", data, "--out", model, "--folds", "2", "--eval", RepoPaths.SeedGold, "/no/dev.jsonl");
        Assert.True(exit == 0, error);
        Assert.Contains("Cross-validated (2 folds grouped by document, the first of 3 repetitions)", output);
        Assert.Contains("notice: evaluation set '/no/dev.jsonl' not found; skipped.", error);
        JsonElement card = JsonDocument.Parse(File.ReadAllText(dir.File("model.json"))).RootElement;
        Assert.Equal(3, card.GetProperty("training").GetProperty("crossValidationRepeats").GetInt32());
        Assert.Equal(3f, card.GetProperty("training").GetProperty("lexiconWeight").GetSingle());
        Assert.Equal(RepoPaths.SeedGold, card.GetProperty("evaluations")[0].GetProperty("name").GetString());
        Assert.Equal(0, Run("classify", RepoPaths.SeedDocument("004_20056a2cff290050.txt"), "--model", model).Exit);
    }

    [Fact]
    public void Train_on_bad_data_fails_before_training_with_the_position()
    {
        using var dir = new TempDir();
        string data = dir.File("bad.jsonl");
        File.WriteAllText(data, "{\"id\": \"a\", \"text\": \"x\", \"labels\": [\"nope\"]}\n");
        string model = dir.File("model.zip");
        var (exit, _, error) = Run("train", "--data", data, "--out", model);
        Assert.Equal(1, exit);
        Assert.StartsWith($"r2p: error: {data}:1:", error);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void Corpus_stats_prints_languages_and_labels()
    {
        var (exit, output, _) = Run("corpus", "stats", RepoPaths.Corpus);
        Assert.Equal(0, exit);
        Assert.Contains("paragraphs", output);
        Assert.Contains("women-peace-security", output);
        Assert.Contains(" zh", output);
    }

    [Fact]
    public void Classify_reads_pdf_word_and_html_documents_with_pages_and_languages()
    {
        using var dir = new TempDir();
        string[] paragraphs = ["The Security Council must not be paralysed by the veto when atrocity crimes are committed; we support the code of conduct.", "Le Conseil de sécurité doit protéger les civils."];
        File.WriteAllBytes(dir.File("a.pdf"), DocumentFixtures.Pdf(paragraphs.Take(1)));
        File.WriteAllBytes(dir.File("b.docx"), DocumentFixtures.Docx(paragraphs));
        File.WriteAllText(dir.File("c.html"), DocumentFixtures.Html(paragraphs));
        var (exit, output, error) = Run("classify", dir.Path, "--format", "jsonl");
        Assert.True(exit == 0, error);
        JsonElement[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([dir.File("a.pdf") + "#p1", dir.File("b.docx") + "#p1", dir.File("b.docx") + "#p2", dir.File("c.html") + "#p1", dir.File("c.html") + "#p2"], rows.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(["en", "en", "fr", "en", "fr"], rows.Select(r => r.GetProperty("lang").GetString()));
        Assert.All(rows.Where(r => r.GetProperty("id").GetString()!.Contains("#p1", StringComparison.Ordinal)), r => Assert.Contains("veto-restraint", r.GetProperty("labels").EnumerateArray().Select(l => l.GetString())));
    }

    [Fact]
    public void Csv_per_document_gives_one_row_per_document_with_share_and_mean_per_label()
    {
        string[] seeds = [RepoPaths.SeedDocument("000_c70990869e76fe68.txt"), RepoPaths.SeedDocument("002_37c46ec779c76167.txt")];
        var (exit, output, error) = Run(["classify", .. seeds, "--format", "csv", "--per", "document"]);
        Assert.True(exit == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("source,paragraphs,lang,state-responsibility.share,", lines[0]);
        Assert.Contains(",use-of-force.mean", lines[0]);
        Assert.StartsWith($"{seeds[0]},20,en,", lines[1]);
        Assert.StartsWith($"{seeds[1]},51,ar,", lines[2]);

        // The shares agree with the per-paragraph output.
        var (_, paragraphs, _) = Run("classify", seeds[0], "--format", "jsonl");
        int veto = paragraphs.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Count(l => JsonDocument.Parse(l).RootElement.GetProperty("labels").EnumerateArray().Any(x => x.GetString() == "veto-restraint"));
        int column = Array.IndexOf(lines[0].Split(','), "veto-restraint.share");
        Assert.Equal(Math.Round(veto / 20.0, 4), double.Parse(lines[1].Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Table_output_ends_each_document_with_its_profile()
    {
        var (exit, output, error) = Run("classify", RepoPaths.SeedDocument("000_c70990869e76fe68.txt"));
        Assert.True(exit == 0, error);
        Assert.Contains("profile (20 paragraph(s), en):", output);
        Assert.Matches(@"protection-of-civilians\s+\d+%", output);

        var (perExit, perDocument, _) = Run("classify", RepoPaths.SeedDocument("000_c70990869e76fe68.txt"), "--per", "document");
        Assert.Equal(0, perExit);
        Assert.Contains("mean score", perDocument);
        Assert.Contains("veto-restraint", perDocument);
    }

    [Fact]
    public void Report_writes_one_html_file_and_reports_unreadable_inputs()
    {
        using var dir = new TempDir();
        string report = dir.File("report.html");
        var (exit, output, error) = Run("report", RepoPaths.SeedDocument("000_c70990869e76fe68.txt"), RepoPaths.SeedDocument("002_37c46ec779c76167.txt"), "/no/such.pdf", "--out", report);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("r2p: error: /no/such.pdf: no such file or folder", error);
        Assert.Contains("2 document(s), 71 paragraph(s)", error);
        string html = File.ReadAllText(report);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "<svg class=\"chart"));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Report_with_nothing_readable_writes_no_file()
    {
        using var dir = new TempDir();
        string report = dir.File("report.html");
        var (exit, _, error) = Run("report", "/no/such.docx", "--out", report);
        Assert.Equal(1, exit);
        Assert.Contains("no document could be read; no report written", error);
        Assert.False(File.Exists(report));
        Assert.Equal(2, Run("report", RepoPaths.SeedDocument("000_c70990869e76fe68.txt")).Exit);
    }

    [Fact]
    public void A_document_that_fails_part_way_gives_no_profile_row()
    {
        using var dir = new TempDir();
        string broken = dir.File("a.jsonl"), whole = dir.File("b.txt");
        File.WriteAllLines(broken, ["""{"id": "1", "text": "We support the code of conduct on the veto."}""", "{not json"]);
        File.WriteAllText(whole, "The Council must protect civilians.\n");
        var (exit, output, error) = Run("classify", broken, whole, "--format", "csv", "--per", "document");
        Assert.Equal(1, exit);
        Assert.Contains($"r2p: error: {broken}:2:", error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{whole},1,en,", lines[1]);
    }

    [Fact]
    public void A_lexicon_weight_out_of_range_is_a_usage_error_before_training()
    {
        using var dir = new TempDir();
        string model = dir.File("m.zip");
        var (exit, _, error) = Run("train", "--data", RepoPaths.Corpus, "--out", model, "--lexicon-weight", "0");
        Assert.Equal(2, exit);
        Assert.Contains("--lexicon-weight 0: must be above 0 and at most 100.", error);
        Assert.DoesNotContain("Parameter", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(model));
    }

    [Theory]
    [InlineData("classify", "--output")]
    [InlineData("report", "--out")]
    public void An_output_path_in_a_missing_folder_is_a_usage_error_before_any_work(string command, string option)
    {
        using var dir = new TempDir();
        string missing = Path.Combine(dir.Path, "no-such-folder");
        string target = Path.Combine(missing, "out.txt");
        var (exit, output, error) = Run(command, RepoPaths.SeedDocument("000_c70990869e76fe68.txt"), option, target);
        Assert.Equal(2, exit);
        Assert.Contains($"{option} {target}: the folder {missing} does not exist.", error);
        Assert.Equal("", output);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void An_output_path_that_is_a_folder_is_a_usage_error()
    {
        using var dir = new TempDir();
        var (exit, _, error) = Run("classify", RepoPaths.SeedDocument("000_c70990869e76fe68.txt"), "--output", dir.Path);
        Assert.Equal(2, exit);
        Assert.Contains($"--output {dir.Path}: is a folder", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Train_checks_its_output_folder_before_reading_or_training()
    {
        using var dir = new TempDir();
        string target = Path.Combine(dir.Path, "no-such-folder", "m.zip");
        var (exit, _, error) = Run("train", "--data", RepoPaths.Corpus, "--out", target);
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", error);
        Assert.DoesNotContain("training on", error);
    }

    [Fact]
    public void A_dash_as_output_writes_to_standard_output()
    {
        using var dir = new TempDir();
        string input = dir.File("doc.txt");
        File.WriteAllText(input, "We support the code of conduct on the veto.\n");
        var (exit, output, error) = Run("classify", input, "--format", "csv", "--output", "-");
        Assert.True(exit == 0, error);
        Assert.StartsWith("id,source,paragraph,lang,labels", output);
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "-")));
    }
}
