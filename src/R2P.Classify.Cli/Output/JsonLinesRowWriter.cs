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

    // Names and repeated values are escaped once, not once per row.
    private static readonly JsonEncodedText Id = Encode("id");
    private static readonly JsonEncodedText Source = Encode("source");
    private static readonly JsonEncodedText Paragraph = Encode("paragraph");
    private static readonly JsonEncodedText Lang = Encode("lang");
    private static readonly JsonEncodedText Text = Encode("text");
    private static readonly JsonEncodedText Labels = Encode("labels");
    private static readonly JsonEncodedText Scores = Encode("scores");
    private readonly Dictionary<string, JsonEncodedText> _encoded = new(StringComparer.Ordinal);
    private string? _source;
    private JsonEncodedText _encodedSource;
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
        _writer.WriteString(Id, paragraph.Id);
        if (!ReferenceEquals(paragraph.Source, _source))
        {
            _source = paragraph.Source;
            _encodedSource = Encode(_source);
        }

        _writer.WriteString(Source, _encodedSource);
        _writer.WriteNumber(Paragraph, paragraph.Number);
        _writer.WriteString(Lang, Cached(classification.Language));
        _writer.WriteString(Text, paragraph.Text);
        _writer.WriteStartArray(Labels);
        foreach (LabelScore label in classification.Labels)
        {
            _writer.WriteStringValue(Cached(label.Label));
        }

        _writer.WriteEndArray();
        _writer.WriteStartObject(Scores);
        foreach (LabelScore score in classification.Scores)
        {
            WriteScore(Cached(score.Label), Math.Round(score.Score, 4));
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

    private static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, Options.Encoder);

    /// <summary>
    /// Writes a score rounded to four decimals as the digits of its ten-thousandths, which is what the
    /// shortest round-trip formatting of <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/>
    /// writes for such a value (no other number of four decimals or fewer reads back as the same double),
    /// at a fraction of its cost: ten numbers per row were most of the writer's time.
    /// </summary>
    private void WriteScore(JsonEncodedText name, double rounded)
    {
        double tenThousandths = Math.Round(rounded * 10_000);
        if (tenThousandths is < 0 or > 10_000 || tenThousandths / 10_000 != rounded)
        {
            _writer.WriteNumber(name, rounded);
            return;
        }

        // "0", "1", or "0." and up to four digits without trailing zeros.
        int value = (int)tenThousandths;
        Span<byte> digits = stackalloc byte[6];
        int length;
        if (value is 0 or 10_000)
        {
            digits[0] = value == 0 ? (byte)'0' : (byte)'1';
            length = 1;
        }
        else
        {
            digits[0] = (byte)'0';
            digits[1] = (byte)'.';
            length = 2;
            for (int divisor = 1000; value > 0; divisor /= 10)
            {
                digits[length++] = (byte)('0' + (value / divisor));
                value %= divisor;
            }
        }

        _writer.WritePropertyName(name);
        _writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>The escaped form of a value from a small set that repeats from row to row (languages, label ids).</summary>
    private JsonEncodedText Cached(string value)
    {
        if (!_encoded.TryGetValue(value, out JsonEncodedText encoded))
        {
            encoded = Encode(value);
            _encoded[value] = encoded;
        }

        return encoded;
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Flush();
    }
}
