using System.Buffers;
using R2P.Classify.Text;

namespace R2P.Classify.Features;

/// <summary>
/// Turns text into hashed n-gram features: folded words (ideographs each count as a word), word
/// n-grams, and character n-grams inside words padded with boundary marks. The one implementation
/// used by training and by inference, so the two cannot drift apart. Work is linear in the text's
/// length and allocates nothing.
/// </summary>
internal sealed class FeatureExtractor
{
    /// <summary>Characters of a word that character n-grams look at; longer words are still one word.</summary>
    private const int MaxWordChars = 40;

    private readonly int _wordNgrams;
    private readonly int _charMin;
    private readonly int _charMax;
    private readonly Lexicon? _lexicon;
    private readonly bool _subwords;

    public FeatureExtractor(FeatureOptions options)
    {
        options.Validate();
        _wordNgrams = options.WordNgramLength;
        _charMin = options.CharNgramMinLength;
        _charMax = options.CharNgramMaxLength;
        _lexicon = options.Lexicon;
        _subwords = options.SubwordTokens;
    }

    /// <summary>Extracts every feature occurrence of <paramref name="text"/> into <paramref name="sink"/>.</summary>
    public void Extract<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (_lexicon is null)
        {
            Tokenize(text, null, null, ref sink);
        }
        else
        {
            // The lexicon matches the folded text the tokenizer produces anyway: one pass over the text, not two.
            char[] folded = ArrayPool<char>.Shared.Rent(text.Length + 1);
            int[] origin = ArrayPool<int>.Shared.Rent(text.Length + 1);
            int length = Tokenize(text, folded, origin, ref sink);
            _lexicon.Match(folded, origin, length, ref sink);
            ArrayPool<char>.Shared.Return(folded);
            ArrayPool<int>.Shared.Return(origin);
        }

        if (_subwords)
        {
            SubwordTokens.Extract(text.ToString(), ref sink);
        }
    }

    /// <summary>
    /// Adds the word, word n-gram and character n-gram features of <paramref name="text"/>. When
    /// <paramref name="folded"/> is given, also writes the text as <see cref="Lexicon.Fold"/> would (folded
    /// letters, one space for each run of separators) with each character's offset in <paramref name="origin"/>,
    /// and returns its length.
    /// </summary>
    private int Tokenize<TSink>(ReadOnlySpan<char> text, char[]? folded, int[]? origin, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        Span<char> word = stackalloc char[MaxWordChars + 2];
        // The last two words' hashes and starts, for word bigrams and trigrams.
        ulong previous1 = 0, previous2 = 0;
        int start1 = 0, start2 = 0, history = 0;
        int n = 0;

        int i = 0;
        while (i < text.Length)
        {
            CharacterClass kind = TextFolding.Classify(text[i]);
            if (kind is CharacterClass.Separator or CharacterClass.Drop)
            {
                if (folded is not null && kind == CharacterClass.Separator && n > 0 && folded[n - 1] != ' ')
                {
                    folded[n] = ' ';
                    origin![n++] = i;
                }

                i++;
                continue;
            }

            int start = i;
            ulong hash = FeatureHash.Seed;
            int length = 0;
            word[length++] = '<';
            if (kind == CharacterClass.Ideograph)
            {
                char folded1 = TextFolding.Fold(text[i]);
                hash = FeatureHash.Add(hash, folded1);
                word[length++] = folded1;
                if (folded is not null)
                {
                    folded[n] = folded1;
                    origin![n++] = i;
                }

                i++;
            }
            else
            {
                for (; i < text.Length; i++)
                {
                    char c = text[i];
                    CharacterClass k = TextFolding.Classify(c);
                    if (k == CharacterClass.Drop)
                    {
                        continue;
                    }

                    if (k != CharacterClass.Word)
                    {
                        break;
                    }

                    char f = TextFolding.Fold(c);
                    hash = FeatureHash.Add(hash, f);
                    if (length <= MaxWordChars)
                    {
                        word[length++] = f;
                    }

                    if (folded is not null)
                    {
                        folded[n] = f;
                        origin![n++] = i;
                    }
                }
            }

            int end = i;
            ulong wordHash = FeatureHash.Finish(hash, FeatureHash.WordTag);
            sink.Add(wordHash, start, end);
            if (_wordNgrams >= 2 && history >= 1)
            {
                ulong bigram = FeatureHash.Combine(previous1, wordHash);
                sink.Add(bigram, start1, end);
                if (_wordNgrams >= 3 && history >= 2)
                {
                    sink.Add(FeatureHash.Combine(FeatureHash.Combine(previous2, previous1), wordHash), start2, end);
                }
            }

            previous2 = previous1;
            start2 = start1;
            previous1 = wordHash;
            start1 = start;
            history++;

            if (_charMin > 0 && kind == CharacterClass.Word)
            {
                word[length++] = '>';
                AddCharNgrams(word[..length], start, end, ref sink);
            }
        }

        return n;
    }

    private void AddCharNgrams<TSink>(ReadOnlySpan<char> padded, int start, int end, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        // One pass per starting position: the FNV hash of the n-gram of length n is the hash of its
        // (n - 1)-character prefix extended by one character, so every length shares the prefix work.
        int charMin = _charMin, charMax = _charMax;
        for (int p = 0; p + charMin <= padded.Length; p++)
        {
            ulong hash = FeatureHash.Seed;
            int longest = Math.Min(charMax, padded.Length - p);
            for (int n = 1; n <= longest; n++)
            {
                hash = FeatureHash.Add(hash, padded[p + n - 1]);
                if (n >= charMin)
                {
                    sink.Add(FeatureHash.Finish(hash, FeatureHash.CharTag + (ulong)n), start, end);
                }
            }
        }
    }
}
