using System.Text;
using System.Text.Json;
using R2P.Classify.Text;

namespace R2P.Classify.Training;

/// <summary>
/// Reads labeled paragraphs in the codebook's JSON Lines format
/// (<c>{"id", "lang", "text", "labels", "doc"?}</c>, one object per line) and checks them before any
/// training time is spent: every problem is a <see cref="CorpusFormatException"/> naming file, line and column.
/// </summary>
public static class CorpusReader
{
    /// <summary>
    /// Reads every paragraph of <paramref name="paths"/>: <c>.jsonl</c> files, or folders searched
    /// recursively for <c>.jsonl</c> files (in ordinal path order).
    /// </summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="labels">The label set ids are checked against; <see cref="LabelSet.V1"/> by default.</param>
    /// <exception cref="CorpusFormatException">A file is missing or malformed, an id repeats, a label is unknown, or no paragraph was found.</exception>
    public static IReadOnlyList<LabeledParagraph> Read(IEnumerable<string> paths, LabelSet? labels = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        labels ??= LabelSet.V1;
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CorpusFormatException(path, 0, 0, "no such file or folder");
            }
        }

        var paragraphs = new List<LabeledParagraph>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            ReadFile(file, labels, paragraphs, seen);
        }

        if (paragraphs.Count == 0)
        {
            throw new CorpusFormatException(string.Join(", ", files.DefaultIfEmpty(string.Join(", ", paths))), 0, 0, "no labeled paragraph found (expected JSON Lines with id, text and labels)");
        }

        return paragraphs;
    }

    private static void ReadFile(string file, LabelSet labels, List<LabeledParagraph> paragraphs, Dictionary<string, string> seen)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusFormatException(file, 0, 0, $"cannot be read: {e.Message}");
        }

        int number = 0;
        try
        {
            foreach (string line in lines)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                LabeledParagraph paragraph = ParseLine(file, number, line, labels);
                if (seen.TryGetValue(paragraph.Id, out string? first))
                {
                    throw new CorpusFormatException(file, number, 0, $"duplicate id '{paragraph.Id}' (first seen at {first})");
                }

                seen.Add(paragraph.Id, $"{file}:{number}");
                paragraphs.Add(paragraph);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusFormatException(file, number, 0, $"cannot be read: {e.Message}");
        }
    }

    private static LabeledParagraph ParseLine(string file, int line, string text, LabelSet labels)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            int column = Encoding.UTF8.GetCharCount(Encoding.UTF8.GetBytes(text), 0, (int)Math.Min(e.BytePositionInLine ?? 0, Encoding.UTF8.GetByteCount(text))) + 1;
            throw new CorpusFormatException(file, line, column, $"invalid JSON: {FirstSentence(e.Message)}; expected one object per line with \"id\", \"text\" and \"labels\"");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new CorpusFormatException(file, line, 1, $"expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            string id = RequiredString(root, "id", file, line, text);
            string body = RequiredString(root, "text", file, line, text);
            if (string.IsNullOrWhiteSpace(body))
            {
                throw new CorpusFormatException(file, line, ColumnOf(text, "text"), $"paragraph '{id}' has empty text");
            }

            if (!root.TryGetProperty("labels", out JsonElement labelArray))
            {
                throw new CorpusFormatException(file, line, 0, $"paragraph '{id}' has no \"labels\" (use [] for no label)");
            }

            if (labelArray.ValueKind != JsonValueKind.Array)
            {
                throw new CorpusFormatException(file, line, ColumnOf(text, "labels"), $"\"labels\" must be an array of label ids, found {labelArray.ValueKind.ToString().ToLowerInvariant()}");
            }

            var ids = new List<string>();
            foreach (JsonElement element in labelArray.EnumerateArray())
            {
                string? label = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                if (label is null || labels.IndexOf(label) < 0)
                {
                    throw new CorpusFormatException(file, line, ColumnOf(text, "labels"),
                        $"unknown label '{(label ?? element.GetRawText())}'; valid ids: {string.Join(", ", labels.Select(l => l.Id))}");
                }

                if (!ids.Contains(label, StringComparer.Ordinal))
                {
                    ids.Add(label);
                }
            }

            string language = OptionalString(root, "lang", file, line, text) ?? LanguageDetector.Detect(body);
            string documentId = OptionalString(root, "doc", file, line, text) ?? id;
            return new LabeledParagraph(id, body, ids, language, documentId);
        }
    }

    private static string RequiredString(JsonElement root, string name, string file, int line, string text)
    {
        if (!root.TryGetProperty(name, out JsonElement value))
        {
            throw new CorpusFormatException(file, line, 0, $"missing \"{name}\"; expected \"id\", \"text\" and \"labels\"");
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw new CorpusFormatException(file, line, ColumnOf(text, name), $"\"{name}\" must be a non-empty string");
        }

        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement root, string name, string file, int line, string text)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new CorpusFormatException(file, line, ColumnOf(text, name), $"\"{name}\" must be a string");
        }

        return value.GetString();
    }

    private static int ColumnOf(string text, string property)
    {
        int index = text.IndexOf($"\"{property}\"", StringComparison.Ordinal);
        return index < 0 ? 0 : index + 1;
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut < 0 ? message.TrimEnd('.') : message[..cut];
    }
}
