using System.IO.Compression;
using System.Text;
using System.Text.Json;
using R2P.Classify.Text;

namespace R2P.Classify;

/// <summary>
/// Reads inputs into paragraphs: plain text and Markdown documents (split at blank lines), JSON Lines
/// files (<c>.jsonl</c>, <c>.jsonl.gz</c>: one object with <c>id</c> and <c>text</c> per line, one
/// paragraph each, never re-split), folders (recursively, in ordinal path order) and <c>-</c> for
/// standard input (a text document). Reading streams: a JSON Lines file of any size is read row by row.
/// </summary>
public static class DocumentReader
{
    private static readonly string[] TextExtensions = [".txt", ".md", ".text", ".markdown"];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Whether <paramref name="path"/> has an extension this reader understands.</summary>
    /// <param name="path">A file path.</param>
    public static bool IsSupported(string path) =>
        IsJsonLines(path) || TextExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

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
            return SplitDocument("-", Console.In.ReadToEnd());
        }

        if (Directory.Exists(path))
        {
            throw new DocumentReadException(path, "is a folder, not a file");
        }

        if (IsJsonLines(path))
        {
            return ReadJsonLines(path);
        }

        if (!TextExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
        {
            throw new DocumentReadException(path, $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", TextExtensions)}, .jsonl, .jsonl.gz)");
        }

        string text;
        try
        {
            text = File.ReadAllText(path, Utf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentReadException(path, $"cannot be read: {e.Message}", e);
        }

        return SplitDocument(path, text);
    }

    private static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<SourceParagraph> SplitDocument(string source, string text)
    {
        List<Range> ranges = ParagraphSplitter.Split(text);
        for (int i = 0; i < ranges.Count; i++)
        {
            yield return new SourceParagraph($"{source}#p{i + 1}", source, i + 1, text[ranges[i]], ranges[i].Start.Value);
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

        using var reader = new StreamReader(stream, Utf8);
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

    private static SourceParagraph ParseRow(string path, int line, int row, string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DocumentReadException($"{path}:{line}", "expected a JSON object with \"id\" and \"text\"");
            }

            if (!root.TryGetProperty("text", out JsonElement body) || body.ValueKind != JsonValueKind.String)
            {
                throw new DocumentReadException($"{path}:{line}", "expected a string \"text\"");
            }

            string id = root.TryGetProperty("id", out JsonElement idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
                : $"{path}#{row}";
            return new SourceParagraph(id, path, row, body.GetString()!, 0);
        }
        catch (JsonException e)
        {
            throw new DocumentReadException($"{path}:{line}:{(e.BytePositionInLine ?? 0) + 1}", $"invalid JSON ({e.Message.Split(". ")[0]})", e);
        }
    }
}
