using Spectre.Console;

namespace R2P.Classify.Cli.Output;

/// <summary>A readable table per input document: paragraph number, language, labels with scores, and the start of the text.</summary>
internal sealed class TableRowWriter : IRowWriter
{
    private const int RowsPerTable = 500;
    private const int TextPreview = 180;
    private readonly IAnsiConsole _console;
    private readonly List<(SourceParagraph Paragraph, ParagraphClassification Classification)> _rows = [];

    public TableRowWriter(TextWriter writer, bool interactive)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            _console.Profile.Width = 140;
        }
    }

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        _rows.Add((paragraph, classification));
        if (_rows.Count >= RowsPerTable)
        {
            Render(paragraph.Source);
        }
    }

    public void EndOfSource(string source) => Render(source);

    public void Dispose()
    {
        if (_rows.Count > 0)
        {
            Render(_rows[0].Paragraph.Source);
        }
    }

    /// <summary>With --explain: the label's three strongest spans, e.g. «veto» +1.20 @31.</summary>
    private static string EvidenceLine(ParagraphClassification classification, string label)
    {
        LabelEvidence? evidence = classification.Evidence.FirstOrDefault(e => e.Label == label);
        if (evidence is null || evidence.Spans.Count == 0)
        {
            return "";
        }

        return "\n  [grey]" + Markup.Escape(string.Join(" ", evidence.Spans.Take(3).Select(s =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"«{s.Text}» +{s.Weight:0.00} @{s.Start}")))) + "[/]";
    }

    private void Render(string source)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(source));
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn("lang");
        table.AddColumn("labels");
        table.AddColumn("text");
        foreach ((SourceParagraph paragraph, ParagraphClassification classification) in _rows)
        {
            string labels = classification.Labels.Count == 0
                ? "[grey]-[/]"
                : string.Join("\n", classification.Labels.Select(l =>
                    $"[{(l.Kind == LabelKind.Pillar ? "bold blue" : "green")}]{Markup.Escape(l.Label)}[/] {l.Score:0.00}" + EvidenceLine(classification, l.Label)));
            string text = paragraph.Text.ReplaceLineEndings(" ");
            if (text.Length > TextPreview)
            {
                text = string.Concat(text.AsSpan(0, TextPreview), "…");
            }

            table.AddRow(paragraph.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), classification.Language, labels, Markup.Escape(text));
        }

        _console.Write(table);
        _rows.Clear();
    }
}
