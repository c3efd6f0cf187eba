using R2P.Classify.Training;

namespace R2P.Classify.Tests;

public class CorpusReaderTests
{
    private static CorpusFormatException ReadFails(string content, out string path)
    {
        var dir = new TempDir();
        path = dir.File("data.jsonl");
        File.WriteAllText(path, content);
        string p = path;
        return Assert.Throws<CorpusFormatException>(() => CorpusReader.Read([p]));
    }

    [Fact]
    public void Valid_lines_are_read_with_language_and_document()
    {
        using var dir = new TempDir();
        string path = dir.File("ok.jsonl");
        File.WriteAllText(path,
            """
            {"id": "a-p1", "doc": "a", "lang": "en", "text": "We support the code of conduct.", "labels": ["veto-restraint"]}

            {"id": "b-p1", "text": "Le Conseil de sécurité doit agir pour protéger les civils.", "labels": []}
            """);
        var rows = CorpusReader.Read([path]);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("a", "en"), (rows[0].Document, rows[0].Language));
        Assert.Equal(["veto-restraint"], rows[0].Labels);
        Assert.Equal(("b-p1", "fr"), (rows[1].Document, rows[1].Language));
    }

    [Fact]
    public void Malformed_json_reports_file_line_and_column()
    {
        var e = ReadFails("{\"id\": \"a\", \"text\": \"x\", \"labels\": []}\n{\"id\": \"b\", \"text\": \"y\" \"labels\": []}\n", out string path);
        Assert.Equal(path, e.File);
        Assert.Equal(2, e.Line);
        Assert.True(e.Column > 20, $"column {e.Column}");
        Assert.StartsWith($"{path}:2:{e.Column}: invalid JSON", e.Message);
    }

    [Fact]
    public void An_unknown_label_names_itself_and_the_valid_ids()
    {
        var e = ReadFails("{\"id\": \"a\", \"text\": \"x\", \"labels\": [\"vetos\"]}\n", out _);
        Assert.Contains("unknown label 'vetos'", e.Message);
        Assert.Contains("veto-restraint", e.Message);
        Assert.Contains("use-of-force", e.Message);
    }

    [Fact]
    public void A_duplicate_id_names_the_first_occurrence()
    {
        var e = ReadFails("{\"id\": \"a\", \"text\": \"x\", \"labels\": []}\n{\"id\": \"a\", \"text\": \"y\", \"labels\": []}\n", out string path);
        Assert.Equal(2, e.Line);
        Assert.Contains($"duplicate id 'a' (first seen at {path}:1)", e.Message);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"text\": \"  \", \"labels\": []}", "empty text")]
    [InlineData("{\"id\": \"a\", \"text\": \"x\"}", "no \"labels\"")]
    [InlineData("{\"text\": \"x\", \"labels\": []}", "missing \"id\"")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{\"id\": \"a\", \"text\": \"x\", \"labels\": \"veto-restraint\"}", "must be an array")]
    public void Each_schema_problem_has_its_own_message(string line, string expected) =>
        Assert.Contains(expected, ReadFails(line + "\n", out _).Message);

    [Fact]
    public void An_empty_corpus_is_an_error() => Assert.Contains("no labeled paragraph", ReadFails("\n\n", out _).Message);

    [Fact]
    public void A_missing_file_is_named() =>
        Assert.Contains("/no/such.jsonl: no such file", Assert.Throws<CorpusFormatException>(() => CorpusReader.Read(["/no/such.jsonl"])).Message);
}
