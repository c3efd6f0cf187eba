using Spectre.Console;

namespace R2P.Classify.Cli.Output;

/// <summary>
/// A readable table per input document: paragraph number, language, label badges with scores, and the
/// start of the text; under it the document's profile (labels by share of paragraphs).
/// </summary>
internal sealed class TableRowWriter : IRowWriter
{
    private const int RowsPerTable = 500;
    private const int TextPreview = 180;
    private static readonly string[] PillarStyles = ["white on blue", "white on green", "white on red"];
    private readonly IAnsiConsole _console;
    private readonly LabelSet _labels;
    private readonly List<(SourceParagraph Paragraph, ParagraphClassification Classification)> _rows = [];
    private DocumentProfile.Builder _profile;
    private string? _source;

    public TableRowWriter(TextWriter writer, bool interactive, LabelSet labels)
    {
        _console = CreateConsole(writer, interactive);
        _labels = labels;
        _profile = new DocumentProfile.Builder(labels);
    }

    public static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 140;
        }

        return console;
    }

    /// <summary>A label as a badge: pillars on their own colour, themes in reverse video.</summary>
    public static string Badge(string label, LabelKind kind, LabelSet labels)
    {
        string style = kind == LabelKind.Pillar
            ? PillarStyles[Math.Max(0, labels.Where(l => l.Kind == LabelKind.Pillar).Select(l => l.Id).ToList().IndexOf(label)) % PillarStyles.Length]
            : "black on grey85";
        return $"[{style}] {Markup.Escape(label)} [/]";
    }

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        if (!string.Equals(_source, paragraph.Source, StringComparison.Ordinal))
        {
            // A new document. If the previous one failed part-way, show what was read of it, but no profile
            // of part of a document.
            if (_rows.Count > 0)
            {
                Render(_rows[^1].Paragraph.Source);
            }

            _profile = new DocumentProfile.Builder(_labels);
            _source = paragraph.Source;
        }

        _rows.Add((paragraph, classification));
        _profile.Add(classification);
        if (_rows.Count >= RowsPerTable)
        {
            Render(paragraph.Source);
        }
    }

    public void EndOfSource(string source)
    {
        Render(source);
        DocumentProfile profile = _profile.Build();
        _profile = new DocumentProfile.Builder(_labels);
        _source = null;
        IEnumerable<string> top = profile.Labels.Where(l => l.Paragraphs > 0).OrderByDescending(l => l.Share)
            .Select(l => $"{Badge(l.Label, l.Kind, _labels)} {(l.Share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%");
        _console.MarkupLine($"profile ({profile.ParagraphCount} paragraph(s), {profile.MainLanguage}): {string.Join("  ", top.DefaultIfEmpty("no label given"))}");
        _console.WriteLine();
    }

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
                : string.Join("\n", classification.Labels.Select(l => $"{Badge(l.Label, l.Kind, _labels)} {l.Score:0.00}" + EvidenceLine(classification, l.Label)));
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
