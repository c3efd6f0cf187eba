using System.Globalization;
using System.Reflection;
using System.Text;

namespace R2P.Classify.Text;

/// <summary>
/// Character trigram profiles of English, French and Spanish: for each, the log-probabilities of its most
/// frequent trigrams (words that start in lower case, padded with '_'), built from our own corpus
/// (<c>seeds/corpus</c>) and shipped as a resource. They tell the three apart where function words are
/// few, and tell a Latin-script text in none of them (German, Italian, Portuguese...) by its poor fit.
/// </summary>
internal static class LanguageProfiles
{
    /// <summary>The languages profiled, in the resource's order.</summary>
    public static readonly string[] Languages = ["en", "fr", "es"];

    /// <summary>How many trigrams each profile keeps.</summary>
    public const int Size = 1500;

    /// <summary>Below this mean log-probability per trigram under its best profile, a text is in none of the three.</summary>
    public const float OtherThreshold = -8.0f;

    private const string ResourceName = "R2P.Classify.Text.language-profiles.txt";

    private static readonly Lazy<Profiles> Shipped = new(() => Parse(ReadResource()));

    /// <summary>The shipped profiles.</summary>
    public static Profiles Default => Shipped.Value;

    /// <summary>
    /// Streams the trigrams of <paramref name="text"/>'s words that start in lower case (capitalised words are
    /// mostly names), each word padded with '_' on both sides, a trigram packed into a long. Calls
    /// <paramref name="sink"/> for each.
    /// </summary>
    public static void ForEachTrigram<TState>(ReadOnlySpan<char> text, ref TState state, TrigramSink<TState> sink)
    {
        char a = '\0', b = '_';
        bool inWord = false, skipWord = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (skipWord)
            {
                skipWord = char.IsLetter(c);
                continue;
            }

            if (char.IsLetter(c))
            {
                if (!inWord && char.IsUpper(c))
                {
                    // Names, acronyms and headline capitals belong to no language: "BUJUMBURA, Burundi — By Pacifique".
                    skipWord = true;
                    continue;
                }

                c = char.ToLowerInvariant(c);
                if (!inWord)
                {
                    a = '\0';
                    b = '_';
                    inWord = true;
                }
            }
            else if (inWord)
            {
                c = '_';
                inWord = false;
            }
            else
            {
                continue;
            }

            if (a != '\0')
            {
                sink(Pack(a, b, c), ref state);
            }

            a = b;
            b = c;
        }
    }

    /// <summary>Writes the profiles file for a corpus of (language, text) samples: a line per trigram, most frequent first.</summary>
    public static string Build(IEnumerable<(string Language, string Text)> samples)
    {
        var counts = Languages.ToDictionary(l => l, _ => new Dictionary<long, int>(), StringComparer.Ordinal);
        foreach ((string language, string text) in samples)
        {
            if (counts.TryGetValue(language, out Dictionary<long, int>? table))
            {
                ForEachTrigram(text, ref table, static (long trigram, ref Dictionary<long, int> t) => t[trigram] = t.GetValueOrDefault(trigram) + 1);
            }
        }

        var file = new StringBuilder("# Character trigram profiles built from seeds/corpus by LanguageProfiles.Build: language, trigram, count of the language's trigrams.\n");
        foreach (string language in Languages)
        {
            Dictionary<long, int> table = counts[language];
            long total = table.Values.Sum(v => (long)v);
            file.Append(CultureInfo.InvariantCulture, $"{language}\t*total*\t{total}\n");
            foreach (KeyValuePair<long, int> entry in table.OrderByDescending(e => e.Value).ThenBy(e => e.Key).Take(Size))
            {
                file.Append(CultureInfo.InvariantCulture, $"{language}\t{Unpack(entry.Key)}\t{entry.Value}\n");
            }
        }

        return file.ToString();
    }

    /// <summary>Reads a profiles file written by <see cref="Build"/>.</summary>
    public static Profiles Parse(string file)
    {
        var tables = Languages.Select(_ => new Dictionary<long, float>()).ToArray();
        var totals = new long[Languages.Length];
        var floors = new float[Languages.Length];
        foreach (string line in file.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            int index = Array.IndexOf(Languages, fields[0]);
            long count = long.Parse(fields[2], CultureInfo.InvariantCulture);
            if (fields[1] == "*total*")
            {
                totals[index] = count;
            }
            else
            {
                tables[index][Pack(fields[1][0], fields[1][1], fields[1][2])] = (float)Math.Log((double)count / totals[index]);
            }
        }

        for (int i = 0; i < floors.Length; i++)
        {
            // An unseen trigram is rarer than the rarest kept one.
            floors[i] = tables[i].Count == 0 ? -20 : tables[i].Values.Min() - 1;
        }

        return new Profiles(tables, floors);
    }

    private static string ReadResource()
    {
        using Stream stream = typeof(LanguageProfiles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static long Pack(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;

    private static string Unpack(long trigram) => new([(char)(trigram >> 32), (char)((trigram >> 16) & 0xFFFF), (char)(trigram & 0xFFFF)]);

    /// <summary>Receives one trigram.</summary>
    public delegate void TrigramSink<TState>(long trigram, ref TState state);

    /// <summary>The parsed profiles: per language, trigram log-probabilities and the floor for unseen trigrams.</summary>
    internal sealed class Profiles(Dictionary<long, float>[] tables, float[] floors)
    {
        private readonly Dictionary<long, float>[] _tables = tables;
        private readonly float[] _floors = floors;

        /// <summary>
        /// The best-fitting language's index and its mean log-probability per trigram, or (-1, 0) when the
        /// text has fewer than <paramref name="minTrigrams"/> trigrams. Allocates nothing.
        /// </summary>
        public (int Language, float MeanLogProbability) Best(ReadOnlySpan<char> text, int minTrigrams)
        {
            var state = new Scores(this);
            ForEachTrigram(text, ref state, static (long trigram, ref Scores s) => s.Add(trigram));
            if (state.Count < minTrigrams)
            {
                return (-1, 0);
            }

            int best = state.En >= state.Fr && state.En >= state.Es ? 0 : state.Fr >= state.Es ? 1 : 2;
            double sum = best switch { 0 => state.En, 1 => state.Fr, _ => state.Es };
            return (best, (float)(sum / state.Count));
        }

        private struct Scores(Profiles profiles)
        {
            public double En;
            public double Fr;
            public double Es;
            public int Count;

            public void Add(long trigram)
            {
                Count++;
                En += profiles._tables[0].TryGetValue(trigram, out float en) ? en : profiles._floors[0];
                Fr += profiles._tables[1].TryGetValue(trigram, out float fr) ? fr : profiles._floors[1];
                Es += profiles._tables[2].TryGetValue(trigram, out float es) ? es : profiles._floors[2];
            }
        }
    }
}
