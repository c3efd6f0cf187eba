using R2P.Classify.Text;

namespace R2P.Classify.Tests;

public class TextTests
{
    [Theory]
    [InlineData('A', 'a')]
    [InlineData('é', 'e')]
    [InlineData('Ñ', 'n')]
    [InlineData('Ё', 'е')]
    [InlineData('أ', 'ا')]
    [InlineData('إ', 'ا')]
    [InlineData('آ', 'ا')]
    [InlineData('ى', 'ي')]
    [InlineData('ة', 'ه')]
    public void Fold_unifies_case_diacritics_and_arabic_letter_variants(char input, char expected)
    {
        Assert.Equal(CharacterClass.Word, TextFolding.Classify(input));
        Assert.Equal(expected, TextFolding.Fold(input));
    }

    [Theory]
    [InlineData('\u064E')] // fatha
    [InlineData('\u0640')] // tatweel
    [InlineData('\u0301')] // combining acute
    [InlineData('\u200B')] // zero-width space
    public void Marks_and_format_characters_are_dropped(char c) => Assert.Equal(CharacterClass.Drop, TextFolding.Classify(c));

    [Fact]
    public void Han_characters_are_ideographs_and_punctuation_separates()
    {
        Assert.Equal(CharacterClass.Ideograph, TextFolding.Classify('保'));
        Assert.Equal(CharacterClass.Separator, TextFolding.Classify('，'));
        Assert.Equal(CharacterClass.Separator, TextFolding.Classify('\uD83D'));
    }

    [Fact]
    public void Paragraphs_are_split_at_blank_lines_with_offsets_into_the_text()
    {
        string text = "  First line\nwrapped line.\n\n\r\n  Second.  \n \n\nThird";
        List<Range> ranges = ParagraphSplitter.Split(text);
        Assert.Equal(["First line\nwrapped line.", "Second.", "Third"], ranges.Select(r => text[r]));
    }

    [Fact]
    public void A_text_is_read_a_paragraph_at_a_time_not_whole()
    {
        // An endless text: reading its first paragraphs must end, having read only about that much.
        var endless = new EndlessText("Paragraph of a long archive, line one\nand line two.\n\n");
        var first = ParagraphSplitter.Read(endless, bufferSize: 256).Take(3).ToList();
        Assert.Equal(["Paragraph of a long archive, line one\nand line two."], first.Select(p => p.Text).Distinct());
        Assert.Equal([0, 53, 106], first.Select(p => p.Start));
        Assert.InRange(endless.CharactersRead, 1, 2 * 256);
    }

    private sealed class EndlessText(string unit) : TextReader
    {
        public long CharactersRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[index + i] = unit[(int)(CharactersRead++ % unit.Length)];
            }

            return count;
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \t ")]
    public void Blank_text_has_no_paragraphs(string text)
    {
        Assert.Empty(ParagraphSplitter.Split(text));
        Assert.Empty(ParagraphSplitter.Read(new StringReader(text)));
    }

    [Theory]
    [InlineData("The Security Council has a responsibility to act when civilians are attacked.", "en")]
    [InlineData("Le Conseil de sécurité doit agir pour protéger les populations civiles.", "fr")]
    [InlineData("El Consejo de Seguridad debe actuar para proteger a la población civil.", "es")]
    [InlineData("Совет Безопасности должен действовать для защиты мирного населения.", "ru")]
    [InlineData("安全理事会必须采取行动保护平民。", "zh")]
    [InlineData("يجب على مجلس الأمن أن يتحرك لحماية المدنيين.", "ar")]
    [InlineData("Mr. President,", "en")]
    [InlineData("Der Sicherheitsrat muss handeln, um die Zivilbevölkerung zu schützen.", "other")]
    [InlineData("12345 -- ...", "other")]
    [InlineData("موقعنا الإلكتروني: responsibilitytoprotect.org", "ar")]
    [InlineData("بريد إلكتروني: info@responsibilitytoprotect.org", "ar")]
    [InlineData("فيسبوك: facebook.com/icrtop", "ar")]
    [InlineData("Подробнее: https://www.un.org/ru/genocideprevention", "ru")]
    [InlineData("See e.g. the U.S. statement.", "en")]
    [InlineData("", "other")]
    public void Language_is_detected_among_the_six_UN_languages(string text, string expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));
}
