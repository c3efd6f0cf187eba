using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace R2P.Classify.Documents;

/// <summary>
/// Reads the paragraphs of a Word document's body, in order (table cells included). Headers, footers
/// and footnotes live in other parts and are not read. Automatically numbered paragraphs keep their
/// numbers ("12."), as a reader of the document sees them.
/// </summary>
internal static class DocxTextReader
{
    public static List<TextBlock> Read(Stream stream)
    {
        using WordprocessingDocument document = WordprocessingDocument.Open(stream, isEditable: false);
        Body? body = document.MainDocumentPart?.Document?.Body;
        var blocks = new List<TextBlock>();
        if (body is null)
        {
            return blocks;
        }

        var numbering = new NumberingCounter(document.MainDocumentPart!.NumberingDefinitionsPart?.Numbering);
        foreach (Paragraph paragraph in body.Descendants<Paragraph>())
        {
            string text = ParagraphText(paragraph);
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string? number = numbering.Next(paragraph.ParagraphProperties?.NumberingProperties);
            string? style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            bool heading = style is not null && (style.StartsWith("Heading", StringComparison.OrdinalIgnoreCase) || style.Equals("Title", StringComparison.OrdinalIgnoreCase));
            blocks.Add(new TextBlock(number is null ? text : $"{number} {text}", Heading: heading));
        }

        return blocks;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case WordText t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    /// <summary>Counts automatically numbered paragraphs per list and level, and renders their numbers.</summary>
    private sealed class NumberingCounter(Numbering? numbering)
    {
        private readonly Dictionary<int, int[]> _counters = [];

        public string? Next(NumberingProperties? properties)
        {
            int? numberingId = properties?.NumberingId?.Val?.Value;
            int level = properties?.NumberingLevelReference?.Val?.Value ?? 0;
            if (numbering is null || numberingId is null or 0 || level is < 0 or > 8)
            {
                return null;
            }

            NumberingInstance? instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId);
            int? abstractId = instance?.AbstractNumId?.Val?.Value;
            AbstractNum? definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (definition is null)
            {
                return null;
            }

            if (!_counters.TryGetValue(numberingId.Value, out int[]? counters))
            {
                counters = new int[9];
                _counters[numberingId.Value] = counters;
            }

            counters[level]++;
            Array.Clear(counters, level + 1, counters.Length - level - 1);

            Level? format = LevelOf(definition, level);
            string? pattern = format?.LevelText?.Val?.Value;
            if (format is null || pattern is null || format.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
            {
                return null;
            }

            // "%1.%2." → "3.1.": each placeholder is the counter of that level in that level's own format.
            var number = new StringBuilder(pattern);
            for (int l = 0; l <= level; l++)
            {
                Level? levelFormat = LevelOf(definition, l);
                int start = levelFormat?.StartNumberingValue?.Val?.Value ?? 1;
                int value = counters[l] == 0 ? start : start + counters[l] - 1;
                number.Replace($"%{l + 1}", Render(value, levelFormat?.NumberingFormat?.Val?.Value));
            }

            return number.ToString().Trim();
        }

        private static Level? LevelOf(AbstractNum definition, int level) =>
            definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);

        private static string Render(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                string letter = ((char)('a' + ((value - 1) % 26))).ToString();
                return format == NumberFormatValues.UpperLetter ? letter.ToUpperInvariant() : letter;
            }

            if (format == NumberFormatValues.LowerRoman || format == NumberFormatValues.UpperRoman)
            {
                string roman = Roman(value);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static string Roman(int value)
        {
            (int Value, string Numeral)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var roman = new StringBuilder();
            foreach ((int v, string numeral) in numerals)
            {
                while (value >= v)
                {
                    roman.Append(numeral);
                    value -= v;
                }
            }

            return roman.ToString();
        }
    }
}
