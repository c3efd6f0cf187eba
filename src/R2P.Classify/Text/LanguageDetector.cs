using System.Text.RegularExpressions;

namespace R2P.Classify.Text;

/// <summary>
/// Tells which of the six UN languages a paragraph is written in, locally and cheaply: the dominant
/// script decides Arabic, Chinese and Russian; for Latin script, the most frequent function words
/// of English, French and Spanish decide, and character trigram profiles built from our corpus
/// (<see cref="LanguageProfiles"/>) where those are few or tied, or where the text fits none of the
/// three. Web and e-mail addresses do not count: an Arabic line
/// "موقعنا الإلكتروني: responsibilitytoprotect.org" is Arabic. Anything else is <c>other</c>.
/// </summary>
internal static partial class LanguageDetector
{
    /// <summary>The code returned when the text is in none of the six languages or has no letters.</summary>
    public const string Other = "other";

    /// <summary>Fewer trigrams than this (about five words) are too few for the profiles to judge.</summary>
    private const int MinTrigrams = 30;

    /// <summary>A text with this many function words of one of the three languages is in it, however its trigrams fit.</summary>
    private const int StrongFunctionWords = 4;

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "is", "that", "for", "with", "on", "are", "we", "our", "this", "it", "be", "by",
        "as", "have", "has", "from", "which", "its", "an", "at", "not", "was", "were", "been", "will", "their", "they",
        "mr", "must", "all", "who", "would", "these", "those", "can", "also", "i", "you", "thank", "us", "my", "he",
        "she", "his", "her", "in", "or", "but", "said", "more", "than", "after", "madam", "chair", "president",
        "meeting", "council", "general", "security", "assembly", "united", "nations",
    };

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "les", "des", "et", "est", "dans", "pour", "une", "du", "sur", "qui", "au", "aux", "pas", "nous",
        "notre", "nos", "ces", "cette", "sont", "avec", "ont", "ete", "leur", "leurs", "il", "elle", "mais", "ou",
        "monsieur", "doit", "tous", "aussi", "comme", "je", "vous", "remercie", "merci", "de", "la", "l", "d", "qu", "en", "un", "se", "ne", "par",
        "conseil", "assemblee", "securite", "generale",
    };

    private static readonly HashSet<string> Spanish = new(StringComparer.Ordinal)
    {
        "el", "los", "las", "y", "del", "por", "una", "para", "con", "es", "al", "su", "sus", "como", "mas",
        "nuestro", "nuestra", "sobre", "este", "esta", "han", "ha", "fue", "entre", "señor", "senor", "lo", "muy",
        "tambien", "todos", "debe", "pero", "gracias", "muchas", "de", "la", "en", "que", "se", "un", "no", "a", "consejo", "asamblea",
        "seguridad", "comision", "cuestion",
    };

    /// <summary>Each function word with a bit per language that uses it (1 English, 2 French, 4 Spanish): one lookup per word.</summary>
    private static readonly FunctionWordTable FunctionWords = new(English, French, Spanish);

    /// <summary>The ISO 639-1 code (<c>ar</c>, <c>zh</c>, <c>en</c>, <c>fr</c>, <c>ru</c>, <c>es</c>) of <paramref name="text"/>, or <see cref="Other"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        int arabic = 0, cyrillic = 0, han = 0, latin = 0, letters = 0;
        int english = 0, french = 0, spanish = 0, latinWords = 0, accented = 0, frenchMarks = 0, spanishMarks = 0;
        Span<char> word = stackalloc char[16];
        int wordLength = 0, wordHash = 0;
        bool wordTooLong = false;
        // Only a word that reaches a '.' or '@' can be an address. The next such mark, and the last word break
        // before it, are found once per mark, so that most words are never handed to AddressLength.
        int mark = -1, lastBreakBeforeMark = -1;

        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                if (mark < i)
                {
                    int next = text[i..].IndexOfAny('.', '@');
                    mark = next < 0 ? text.Length : i + next;
                    lastBreakBeforeMark = i + text[i..mark].LastIndexOfAny(' ', '\t', '\n');
                }

                if (mark < text.Length && i > lastBreakBeforeMark && AddressLength(text[i..]) is > 0 and int skip)
                {
                    i += skip - 1;
                    continue;
                }
            }

            char c = i < text.Length ? text[i] : ' ';
            CharacterClass kind = TextFolding.Classify(c);
            if (kind == CharacterClass.Drop)
            {
                continue;
            }

            if (kind == CharacterClass.Word && (c < 'ʰ'))
            {
                // Latin letters and digits (including accented Latin) form the words we look up.
                if (char.IsLetter(c))
                {
                    latin++;
                    letters++;
                    if (c > '\u007F')
                    {
                        // Only accented letters need the tests below: most letters skip them.
                        accented++;
                        // Latin-1 capitals are their small letters less 0x20: no call into ICU per accented letter.
                        char lower = c is >= 'À' and <= 'Þ' and not '×' ? (char)(c + 0x20) : c == 'Œ' ? 'œ' : c;
                        frenchMarks += lower is 'è' or 'ê' or 'à' or 'ç' or 'œ' or 'ù' or 'â' or 'î' or 'ô' or 'û' or 'ë' or 'ï' ? 1 : 0;
                        spanishMarks += lower is 'ñ' or 'á' or 'í' or 'ó' or 'ú' ? 1 : 0;
                    }
                }

                if (wordLength < word.Length)
                {
                    char folded = TextFolding.Fold(c);
                    word[wordLength++] = folded;
                    wordHash = FunctionWordTable.Hash(wordHash, folded);
                }
                else
                {
                    wordTooLong = true;
                }

                continue;
            }

            if (wordLength > 0)
            {
                if (!wordTooLong)
                {
                    int languages = FunctionWords.Languages(word[..wordLength], wordHash);
                    english += languages & 1;
                    french += (languages >> 1) & 1;
                    spanish += (languages >> 2) & 1;
                }

                latinWords++;
                wordLength = 0;
                wordHash = 0;
                wordTooLong = false;
            }

            if (kind == CharacterClass.Ideograph)
            {
                han++;
                letters++;
            }
            else if (kind == CharacterClass.Word && char.IsLetter(c))
            {
                letters++;
                if (c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF')
                {
                    arabic++;
                }
                else if (c is >= '\u0400' and <= '\u052F')
                {
                    cyrillic++;
                }
            }
        }

        if (letters == 0)
        {
            return Other;
        }

        int best = Math.Max(Math.Max(arabic, cyrillic), Math.Max(han, latin));
        if (best * 2 < letters)
        {
            return Other;
        }

        if (best == han)
        {
            return "zh";
        }

        if (best == arabic)
        {
            return "ar";
        }

        if (best == cyrillic)
        {
            return "ru";
        }

        // Character trigram profiles: they decide where function words say little, and a Latin-script text
        // that fits none of the three profiles (German, Dutch, Polish...) is in none of the three languages.
        int top = Math.Max(english, Math.Max(french, spanish));
        int second = english + french + spanish - top - Math.Min(english, Math.Min(french, spanish));

        // Scoring the profiles is most of the cost of detection; skip it when its answer would not be used.
        (int profiled, float fit) = top < StrongFunctionWords || top - second < 2 ? LanguageProfiles.Default.Best(text, MinTrigrams) : (-1, 0f);
        if (profiled >= 0 && fit < LanguageProfiles.OtherThreshold && top < StrongFunctionWords)
        {
            return Other;
        }

        if (profiled >= 0 && top - second < 2)
        {
            return LanguageProfiles.Languages[profiled];
        }

        if (english == 0 && french == 0 && spanish == 0)
        {
            // No function word of the three (a dateline such as "NYALA, Sudan (Reuters) -"): letters only French or
            // only Spanish uses decide; plain ASCII is most likely English, the commonest language of UN text.
            if (frenchMarks != spanishMarks)
            {
                return frenchMarks > spanishMarks ? "fr" : "es";
            }

            return accented == 0 || latinWords <= 2 ? "en" : Other;
        }

        if (english >= french && english >= spanish)
        {
            return "en";
        }

        // Function words both share ("de", "la", "en") can tie: their own accented letters decide.
        french += frenchMarks > spanishMarks ? 1 : 0;
        spanish += spanishMarks > frenchMarks ? 1 : 0;
        if (english >= french && english >= spanish)
        {
            return "en";
        }

        return french >= spanish ? "fr" : "es";
    }

    /// <summary>The length of the web or e-mail address <paramref name="text"/> starts with, or 0.</summary>
    private static int AddressLength(ReadOnlySpan<char> text)
    {
        int end = text.IndexOfAny(' ', '\t', '\n');
        ReadOnlySpan<char> token = end < 0 ? text : text[..end];
        // Every address has an '@', a "://" or a dot followed by more of it: a word ending a sentence never reaches the regex.
        int dot = token.IndexOfAny('.', '@');
        bool candidate = dot >= 0 && (token.Contains('@') || token.Contains(':') || token[dot..].TrimEnd(".,;:!?)\"'»”’").Length > 1);
        return candidate && Address().IsMatch(token) ? token.Length : 0;
    }

    // "www.un.org", "https://…", "info@example.org", "facebook.com/icrtop", "responsibilitytoprotect.org".
    [GeneratedRegex(@"^\(?(?:[a-z][a-z0-9+.-]*://\S+|www\.\S+|[^\s@]+@[^\s@]+\.[a-z]{2,}\S*|[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,6})(?:/\S*)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>
    /// The function words in an open-addressing table keyed by a hash the detector computes while it reads
    /// each word: a lookup per Latin word costs a compare or two, not a dictionary's hashing and comparer calls.
    /// </summary>
    private sealed class FunctionWordTable
    {
        private readonly string?[] _words;
        private readonly int[] _languages;
        private readonly int _mask;

        public FunctionWordTable(params HashSet<string>[] languages)
        {
            var bits = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int l = 0; l < languages.Length; l++)
            {
                foreach (string word in languages[l])
                {
                    bits[word] = bits.GetValueOrDefault(word) | (1 << l);
                }
            }

            // At most a quarter full: probes stay short.
            int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)bits.Count * 4);
            _words = new string?[size];
            _languages = new int[size];
            _mask = size - 1;
            foreach ((string word, int languageBits) in bits)
            {
                int hash = 0;
                foreach (char c in word)
                {
                    hash = Hash(hash, c);
                }

                int slot = Slot(hash);
                while (_words[slot] is not null)
                {
                    slot = (slot + 1) & _mask;
                }

                _words[slot] = word;
                _languages[slot] = languageBits;
            }
        }

        /// <summary>Extends the hash of a word by its next (folded) character.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static int Hash(int hash, char c) => (hash * 31) + c;

        /// <summary>The language bits of <paramref name="word"/>, whose <see cref="Hash"/> is <paramref name="hash"/>; 0 for any other word.</summary>
        public int Languages(ReadOnlySpan<char> word, int hash)
        {
            for (int slot = Slot(hash); _words[slot] is string candidate; slot = (slot + 1) & _mask)
            {
                if (word.SequenceEqual(candidate))
                {
                    return _languages[slot];
                }
            }

            return 0;
        }

        private int Slot(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> 16) & _mask;
    }
}
