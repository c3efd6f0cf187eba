using System.IO.Compression;
using System.Text;
using System.Text.Json;
using R2P.Classify.Documents;
using R2P.Classify.Text;

namespace R2P.Classify;

/// <summary>
/// Reads inputs into paragraphs as a reader of the document sees them: plain text and Markdown (split
/// at blank lines), PDF (its text layer; wrapped lines joined, running headers, footers and page numbers
/// dropped), Word <c>.docx</c> (body paragraphs, automatic numbers kept) and HTML (the page's text
/// without scripts, navigation, cookie banners or the site's header and footer). In every document a
/// paragraph cut in two by a page break or a stray blank line is rejoined, and page numbers and UN
/// document symbols standing alone are dropped. JSON Lines files (<c>.jsonl</c>, <c>.jsonl.gz</c>: one
/// object with <c>id</c> and <c>text</c> per line) give one paragraph per row, never re-split or
/// repaired. Folders are read recursively, in ordinal path order; <c>-</c> is standard input (a text
/// document). JSON Lines files, text documents and standard input of any size are read as they go (row by
/// row, or paragraph by paragraph), in memory bounded by the longest paragraph.
/// </summary>
/// <remarks>PDF, Word and HTML files are parsed by third-party libraries: only read files from sources you trust.</remarks>
public static class DocumentReader
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".text", ".markdown"];
    private static readonly string[] PdfExtensions = [".pdf"];
    private static readonly string[] WordExtensions = [".docx"];
    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Whether <paramref name="path"/> has an extension this reader understands.</summary>
    /// <param name="path">A file path.</param>
    public static bool IsSupported(string path) =>
        IsJsonLines(path) || FormatOf(path) is not InputFormat.Unknown;

    /// <summary>The files an input stands for: itself, or the supported files under a folder.</summary>
    /// <param name="input">A file, a folder, or <c>-</c>.</param>
    /// <exception cref="DocumentReadException">The input does not exist.</exception>
    public static IReadOnlyList<string> ExpandInput(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input == "-" || File.Exists(input))
        {
            return [input];
        }

        if (Directory.Exists(input))
        {
            return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Where(IsSupported)
                .Order(StringComparer.Ordinal)
                .ToArray();
        }

        throw new DocumentReadException(input, "no such file or folder");
    }

    /// <summary>Reads the paragraphs of one file (or <c>-</c> for standard input), lazily, in order.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DocumentReadException">The file is missing, unreadable, of an unsupported type, or malformed.</exception>
    public static IEnumerable<SourceParagraph> ReadParagraphs(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return ReadText("-", () => Console.In, ownsReader: false);
        }

        if (Directory.Exists(path))
        {
            throw new DocumentReadException(path, "is a folder, not a file");
        }

        if (IsJsonLines(path))
        {
            return ReadJsonLines(path);
        }

        InputFormat format = FormatOf(path);
        if (format == InputFormat.Unknown)
        {
            throw new DocumentReadException(path, $"unsupported file type '{Path.GetExtension(path)}' (supported: .txt, .md, .pdf, .docx, .html, .htm, .jsonl, .jsonl.gz)");
        }

        if (format == InputFormat.Text)
        {
            return ReadText(path, () => new StreamReader(path, Utf8), ownsReader: true);
        }

        return ToParagraphs(path, ReadBlocks(path, format), textOffsets: false);
    }

    private static List<TextBlock> ReadBlocks(string path, InputFormat format)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return format switch
            {
                InputFormat.Pdf => PdfTextReader.Read(stream, path),
                InputFormat.Word => DocxTextReader.Read(stream),
                _ => HtmlTextReader.Read(stream),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"cannot be read: {e.Message}", e);
        }
        catch (DocumentReadException)
        {
            throw;
        }
#pragma warning disable CA1031 // The parsers throw many exception types for damaged files; each becomes one clear message.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
            string kind = format switch { InputFormat.Pdf => "PDF", InputFormat.Word => "Word (.docx) document", _ => "HTML page" };
            throw new DocumentReadException(path, $"is not a readable {kind} ({e.Message.Split('\n')[0].TrimEnd('.')})", e);
        }
    }

    private static InputFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path);
        return TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? InputFormat.Text
            : PdfExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? InputFormat.Pdf
            : WordExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? InputFormat.Word
            : HtmlExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? InputFormat.Html
            : InputFormat.Unknown;
    }

    private static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>A plain text document, streamed: split at blank lines and repaired as it is read.</summary>
    private static IEnumerable<SourceParagraph> ReadText(string source, Func<TextReader> open, bool ownsReader)
    {
        TextReader reader;
        try
        {
            reader = open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(source, $"cannot be read: {e.Message}", e);
        }

        try
        {
            IEnumerable<TextBlock> blocks = ParagraphSplitter.Read(reader).Select(p => new TextBlock(p.Text, Start: p.Start, Length: p.Length));
            using IEnumerator<SourceParagraph> paragraphs = ToParagraphs(source, blocks, textOffsets: true).GetEnumerator();
            while (true)
            {
                try
                {
                    if (!paragraphs.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    throw new DocumentReadException(source, $"cannot be read: {e.Message}", e);
                }

                yield return paragraphs.Current;
            }
        }
        finally
        {
            if (ownsReader)
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// Repairs the blocks and numbers the paragraphs, lazily. Offsets point into the file's text for
    /// text formats; for the others into the extracted text: the paragraphs joined by a blank line.
    /// </summary>
    private static IEnumerable<SourceParagraph> ToParagraphs(string source, IEnumerable<TextBlock> blocks, bool textOffsets)
    {
        int offset = 0, number = 0;
        foreach (TextBlock block in ParagraphRepair.Repair(blocks))
        {
            string text = block.Text.Trim();
            int start = textOffsets ? block.Start : offset;
            int length = textOffsets ? block.Length : text.Length;
            number++;
            yield return new SourceParagraph($"{source}#p{number}", source, number, text, start) { Length = length, Page = block.Page };
            offset += text.Length + 2;
        }
    }

    private static IEnumerable<SourceParagraph> ReadJsonLines(string path)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new GZipStream(stream, CompressionMode.Decompress);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"cannot be read: {e.Message}", e);
        }

        // A large buffer: each refill is a call into the inflater, and the default 1 KB made 100,000 of them per 100 MB.
        using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        int line = 0, row = 0;
        while (true)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new DocumentReadException(path, $"cannot be read after line {line}: {e.Message}", e);
            }

            if (text is null)
            {
                yield break;
            }

            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row++;
            yield return ParseRow(path, line, row, text);
        }
    }

    /// <summary>
    /// Reads one row's <c>id</c> and <c>text</c> with a forward-only reader: no document tree is built,
    /// which matters when a file has hundreds of thousands of rows. The whole line is still validated.
    /// </summary>
    private static SourceParagraph ParseRow(string path, int line, int row, string text)
    {
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(text, buffer);
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Invalid JSON is reported as such before its shape is.
                reader.Skip();
                while (reader.Read())
                {
                }

                throw new DocumentReadException($"{path}:{line}", "expected a JSON object with \"id\" and \"text\"");
            }

            string? body = null, id = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // A repeated property counts by its last value, as in a parsed document.
                bool isText = reader.ValueTextEquals("text"u8);
                bool isId = !isText && reader.ValueTextEquals("id"u8);
                reader.Read();
                if (isText)
                {
                    body = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (isId)
                {
                    id = reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                reader.Skip();
            }

            if (reader.Read())
            {
                throw new DocumentReadException($"{path}:{line}", "expected one JSON object per line");
            }

            if (body is null)
            {
                throw new DocumentReadException($"{path}:{line}", "expected a string \"text\"");
            }

            return new SourceParagraph(id ?? $"{path}#{row}", path, row, body, 0);
        }
        catch (JsonException e)
        {
            throw new DocumentReadException($"{path}:{line}:{(e.BytePositionInLine ?? 0) + 1}", $"invalid JSON ({e.Message.Split(". ")[0]})", e);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private enum InputFormat
    {
        Unknown,
        Text,
        Pdf,
        Word,
        Html,
    }
}
