using System.Globalization;
using System.Text;

namespace R2P.Classify.Cli.Output;

/// <summary>RFC 4180 CSV: one row per paragraph, labels joined by ';', one score column per label.</summary>
internal sealed class CsvRowWriter(TextWriter writer, LabelSet labels) : IRowWriter
{
    private static readonly string[] LeadingColumns = ["id", "source", "paragraph", "lang", "labels"];
    private bool _headerWritten;

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        if (!_headerWritten)
        {
            writer.WriteLine(string.Join(',', LeadingColumns.Concat(labels.Select(l => l.Id)).Append("text")));
            _headerWritten = true;
        }

        var row = new StringBuilder();
        row.Append(Quote(paragraph.Id)).Append(',')
            .Append(Quote(paragraph.Source)).Append(',')
            .Append(paragraph.Number.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(classification.Language).Append(',')
            .Append(Quote(string.Join(';', classification.Labels.Select(l => l.Label))));
        foreach (LabelScore score in classification.Scores)
        {
            row.Append(',').Append(Math.Round(score.Score, 4).ToString(CultureInfo.InvariantCulture));
        }

        row.Append(',').Append(Quote(paragraph.Text));
        writer.WriteLine(row.ToString());
    }

    public void EndOfSource(string source) => writer.Flush();

    public void Dispose() => writer.Flush();

    internal static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
