using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace R2P.Classify.Cli.Output;

/// <summary>
/// One JSON object per paragraph: id, source, paragraph, lang, text, labels, scores. Each row is built in
/// a reused buffer and handed to the (buffered) stream, which is flushed once per source, not once per row:
/// a flush per row was a system call per paragraph.
/// </summary>
internal sealed class JsonLinesRowWriter : IRowWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _row = new(4096);
    private readonly Utf8JsonWriter _writer;

    public JsonLinesRowWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(_row, Options);
    }

    public void Write(SourceParagraph paragraph, ParagraphClassification classification)
    {
        // ResetWrittenCount keeps the buffer's bytes: clearing them per row is measurable work.
        _row.ResetWrittenCount();
        _writer.Reset(_row);
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
        _stream.Write(_row.WrittenSpan);
        _stream.WriteByte((byte)'\n');
    }

    public void EndOfSource(string source) => _stream.Flush();

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Flush();
    }
}
