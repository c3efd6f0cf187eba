using System.Text.Encodings.Web;
using System.Text.Json;

namespace R2P.Classify.Cli.Output;

/// <summary>One JSON object per paragraph: id, source, paragraph, lang, text, labels, scores.</summary>
internal sealed class JsonLinesRowWriter(Stream stream) : IRowWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Utf8JsonWriter _writer = new(stream, Options);

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        _writer.Reset(stream);
        _writer.WriteStartObject();
        _writer.WriteString("id", paragraph.Id);
        _writer.WriteString("source", paragraph.Source);
        _writer.WriteNumber("paragraph", paragraph.Number);
        _writer.WriteString("lang", classification.Language);
        _writer.WriteString("text", paragraph.Text);
        _writer.WriteStartArray("labels");
        foreach (LabelScore label in classification.Labels)
        {
            _writer.WriteStringValue(label.Label);
        }

        _writer.WriteEndArray();
        _writer.WriteStartObject("scores");
        foreach (LabelScore score in classification.Scores)
        {
            _writer.WriteNumber(score.Label, Math.Round(score.Score, 4));
        }

        _writer.WriteEndObject();
        if (classification.Evidence.Count > 0)
        {
            _writer.WriteStartObject("evidence");
            foreach (LabelEvidence label in classification.Evidence)
            {
                _writer.WriteStartArray(label.Label);
                foreach (Evidence span in label.Spans)
                {
                    _writer.WriteStartObject();
                    _writer.WriteString("text", span.Text);
                    _writer.WriteNumber("start", span.Start);
                    _writer.WriteNumber("length", span.Length);
                    _writer.WriteNumber("weight", Math.Round(span.Weight, 4));
                    _writer.WriteEndObject();
                }

                _writer.WriteEndArray();
            }

            _writer.WriteEndObject();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    public void EndOfSource(string source) => stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        stream.Flush();
    }
}
