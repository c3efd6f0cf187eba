using System.Security.Cryptography;
using System.Text;
using R2P.Classify.Text;

namespace R2P.Classify.Features;

/// <summary>
/// A curated list of key terms per label in the six UN languages (<c>r2p-lexicon.txt</c>). Each match
/// adds one feature per label, shared by every language, so that what the model learns about a
/// label's vocabulary in one language carries over to the others. Every word of a term matches folded
/// text as a word prefix; a term written with a leading <c>*</c> may also start inside a word (Arabic clitics).
/// </summary>
internal sealed class Lexicon
{
    private const string ResourceName = "R2P.Classify.Features.r2p-lexicon.txt";
    private const int MaxWordTail = 40;   // a term word matches a text word at most this much longer
    private static readonly Lazy<Lexicon> DefaultLexicon = new(LoadDefault);

    private readonly TrieEdges _children = new();             // (node, char) -> child node
    private readonly List<ulong> _labelsAtNode = [0];         // bit l set: a term of label l ends here
    private readonly List<bool> _hasSpaceChild = [false];     // whether a walk that fails there may go on at the next word
    private readonly int[] _wordStartChild = new int[char.MaxValue + 1];  // child of the word-start root, 0 if none
    private readonly int[] _anywhereChild = new int[char.MaxValue + 1];   // child of the '*' root, 0 if none
    private readonly ulong[] _labelFeatures;
    private int _nodes = 1;                                    // 0 is no node: the roots' children are in the tables above

    private Lexicon(string source, LabelSet labels)
    {
        Source = source;
        Hash = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source))).ToLowerInvariant();
        _labelFeatures = labels.Select(l => FeatureHash.Finish(HashString(l.Id), FeatureHash.LexiconTag)).ToArray();
    }

    /// <summary>The feature each label's matches add, in label order.</summary>
    public IReadOnlyList<ulong> LabelFeatures => _labelFeatures;

    /// <summary>The lexicon shipped with the library.</summary>
    public static Lexicon Default => DefaultLexicon.Value;

    /// <summary>The lexicon's text, stored in model files so a model always matches the terms it was trained with.</summary>
    public string Source { get; }

    /// <summary>SHA-256 of <see cref="Source"/>.</summary>
    public string Hash { get; }

    /// <summary>The number of terms.</summary>
    public int TermCount { get; private set; }

    /// <summary>Parses lexicon text; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line is malformed or names an unknown label; the message gives the line.</exception>
    public static Lexicon Parse(string source, LabelSet labels, string origin)
    {
        var lexicon = new Lexicon(source, labels);
        int label = -1;
        int lineNumber = 0;
        foreach (string raw in source.Split('\n'))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                label = labels.IndexOf(line[1..^1].Trim());
                if (label < 0)
                {
                    throw new FormatException($"{origin}:{lineNumber}: unknown label '{line[1..^1]}'.");
                }

                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (label < 0 || equals < 0)
            {
                throw new FormatException($"{origin}:{lineNumber}: expected '[label-id]' or 'lang = term; term; …'.");
            }

            foreach (string term in line[(equals + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                lexicon.Add(term, label);
            }
        }

        return lexicon;
    }

    /// <summary>
    /// Adds a feature for every term occurrence, with the span of text it covers, in text already folded for
    /// matching (see <see cref="Fold"/>): <paramref name="length"/> characters of <paramref name="folded"/>, with
    /// <paramref name="origin"/> mapping each back to the text.
    /// </summary>
    public void Match<TSink>(char[] folded, int[] origin, int length, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        // Most characters start no walk: a term starts a word (after a space or next to an ideograph) or is a '*' term.
        bool boundary = true;
        for (int i = 0; i < length; i++)
        {
            char c = folded[i];
            bool ideograph = TextFolding.IsIdeograph(c);
            if (_wordStartChild[c] is int child and not 0 && (boundary || ideograph))
            {
                Walk(child, folded, origin, i, length, ref sink);
            }

            if (_anywhereChild[c] is int anywhere and not 0)
            {
                Walk(anywhere, folded, origin, i, length, ref sink);
            }

            boundary = c == ' ' || ideograph;
        }
    }

    /// <summary>Walks the trie from <paramref name="node"/>, the child reached by folded[<paramref name="start"/>].</summary>
    private void Walk<TSink>(int node, char[] folded, int[] origin, int start, int length, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        ReadOnlySpan<ulong> labelsAtNode = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_labelsAtNode);
        ReadOnlySpan<bool> hasSpaceChild = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_hasSpaceChild);
        for (int j = start; ;)
        {
            ulong labels = labelsAtNode[node];
            while (labels != 0)
            {
                int label = System.Numerics.BitOperations.TrailingZeroCount(labels);
                labels &= labels - 1;
                sink.Add(_labelFeatures[label], origin[start], origin[j] + 1);
            }

            if (++j >= length)
            {
                return;
            }

            char c = folded[j];
            if (!_children.TryGetChild(node, c, out int next))
            {
                // Every word of a term is a prefix: a space in the term skips the rest of the text's word
                // ("protect* its* popul*" matches "protecting its populations").
                if (c == ' ' || !hasSpaceChild[node] || !_children.TryGetChild(node, ' ', out next))
                {
                    return;
                }

                // Bounded, so that a huge token costs linear time, not quadratic.
                int limit = Math.Min(length, j + MaxWordTail);
                while (j < limit && folded[j] != ' ')
                {
                    j++;
                }

                if (j == limit)
                {
                    return;
                }
            }

            node = next;
        }
    }

    /// <summary>Folds text for matching: folded letters, one space for any run of separators; origin maps back to the text.</summary>
    internal static int Fold(ReadOnlySpan<char> text, char[] folded, int[] origin)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            CharacterClass kind = TextFolding.Classify(text[i]);
            if (kind == CharacterClass.Drop)
            {
                continue;
            }

            if (kind == CharacterClass.Separator)
            {
                if (n > 0 && folded[n - 1] != ' ')
                {
                    folded[n] = ' ';
                    origin[n++] = i;
                }

                continue;
            }

            folded[n] = TextFolding.Fold(text[i]);
            origin[n++] = i;
        }

        return n;
    }

    private void Add(string term, int label)
    {
        bool anywhere = term.StartsWith('*');
        char[] folded = new char[term.Length + 1];
        int[] origin = new int[term.Length + 1];
        int length = Fold(anywhere ? term.AsSpan(1) : term, folded, origin);
        while (length > 0 && folded[length - 1] == ' ')
        {
            length--;
        }

        if (length == 0)
        {
            return;
        }

        // The roots' children sit in tables indexed by character: the first step of a walk is one load.
        int[] rootChildren = anywhere ? _anywhereChild : _wordStartChild;
        if (rootChildren[folded[0]] == 0)
        {
            rootChildren[folded[0]] = _nodes++;
            _labelsAtNode.Add(0);
            _hasSpaceChild.Add(false);
        }

        int node = rootChildren[folded[0]];
        for (int i = 1; i < length; i++)
        {
            if (!_children.TryGetChild(node, folded[i], out int child))
            {
                child = _nodes++;
                _children.Add(node, folded[i], child);
                _labelsAtNode.Add(0);
                _hasSpaceChild.Add(false);
                _hasSpaceChild[node] |= folded[i] == ' ';
            }

            node = child;
        }

        _labelsAtNode[node] |= 1UL << label;
        TermCount++;
    }

    private static ulong HashString(string value)
    {
        ulong hash = FeatureHash.Seed;
        foreach (char c in value)
        {
            hash = FeatureHash.Add(hash, c);
        }

        return hash;
    }

    private static Lexicon LoadDefault()
    {
        using Stream stream = typeof(Lexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The lexicon resource '{ResourceName}' is missing from this build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), LabelSet.V1, "r2p-lexicon.txt");
    }
}
