using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace R2P.Classify.Cli.Output;

/// <summary>
/// <c>--per document</c>: one row per input document, its profile (share of paragraphs and mean score
/// per label) rolled up by the library as the paragraphs stream past.
/// </summary>
internal sealed class DocumentRowWriter(TextWriter writer, LabelSet labels, string format, bool interactive) : IRowWriter
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] LeadingColumns = ["source", "paragraphs", "lang"];
    private DocumentProfile.Builder _profile = new(labels);
    private bool _headerWritten;
    private string? _source;

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        if (!string.Equals(_source, paragraph.Source, StringComparison.Ordinal))
        {
            // A new document. Rows left from one that failed to read to its end are dropped: a profile of
            // part of a document would pass for the whole.
            _profile = new DocumentProfile.Builder(labels);
            _source = paragraph.Source;
        }

        _profile.Add(classification);
    }

    public void EndOfSource(string source)
    {
        DocumentProfile profile = _profile.Build();
        _profile = new DocumentProfile.Builder(labels);
        _source = null;
        switch (format)
        {
            case "csv":
                WriteCsv(source, profile);
                break;
            case "jsonl":
                WriteJson(source, profile);
                break;
            default:
                WriteTable(source, profile);
                break;
        }

        writer.Flush();
    }

    public void Dispose() => writer.Flush();

    private void WriteCsv(string source, DocumentProfile profile)
    {
        if (!_headerWritten)
        {
            writer.WriteLine(string.Join(',', LeadingColumns
                .Concat(labels.Select(l => $"{l.Id}.share"))
                .Concat(labels.Select(l => $"{l.Id}.mean"))));
            _headerWritten = true;
        }

        var row = new StringBuilder();
        row.Append(CsvRowWriter.Quote(source)).Append(',').Append(profile.ParagraphCount.ToString(CultureInfo.InvariantCulture)).Append(',').Append(profile.MainLanguage);
        foreach (LabelShare share in profile.Labels)
        {
            row.Append(',').Append(Math.Round(share.Share, 4).ToString(CultureInfo.InvariantCulture));
        }

        foreach (LabelShare share in profile.Labels)
        {
            row.Append(',').Append(Math.Round(share.MeanScore, 4).ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteLine(row.ToString());
    }

    private void WriteJson(string source, DocumentProfile profile)
    {
        var row = new
        {
            source,
            paragraphs = profile.ParagraphCount,
            lang = profile.MainLanguage,
            languages = profile.Languages,
            labels = profile.Labels.ToDictionary(
                l => l.Label,
                l => new { paragraphs = l.Paragraphs, share = Math.Round(l.Share, 4), mean = Math.Round(l.MeanScore, 4) }),
        };
        writer.WriteLine(JsonSerializer.Serialize(row, Json));
    }

    private void WriteTable(string source, DocumentProfile profile)
    {
        IAnsiConsole console = TableRowWriter.CreateConsole(writer, interactive);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{source} — {profile.ParagraphCount} paragraph(s), {profile.MainLanguage}"));
        table.AddColumn("label");
        table.AddColumn(new TableColumn("paragraphs").RightAligned());
        table.AddColumn(new TableColumn("share").RightAligned());
        table.AddColumn(new TableColumn("mean score").RightAligned());
        table.AddColumn("");
        foreach (LabelShare share in profile.Labels)
        {
            string bar = new('█', (int)Math.Round(share.Share * 30));
            table.AddRow(
                TableRowWriter.Badge(share.Label, share.Kind, labels),
                share.Paragraphs.ToString(CultureInfo.InvariantCulture),
                (share.Share * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
                share.MeanScore.ToString("0.00", CultureInfo.InvariantCulture),
                bar);
        }

        console.Write(table);
    }
}
