using System.IO.Compression;
using System.Text.Json;
using R2P.Classify.Training;

namespace R2P.Classify.Benchmarks;

/// <summary>Input text for the benchmarks: real General Debate paragraphs when ../shared is there, else the seed documents.</summary>
public static class BenchmarkData
{
    public static string Root { get; } = FindRoot();

    public static string RealCorpusPath => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpora", "ungdc-2005-2024.jsonl.gz"));

    private static readonly Lazy<TrainedModel> TrainedModel = new(() => ModelTrainer.Train(CorpusReader.Read([Path.Combine(Root, "seeds", "corpus")])));

    /// <summary>
    /// The default model retrained from the committed corpus, once per process: the same model as the
    /// shipped one (the test suite checks this), and the only kind that carries its ML.NET transformers,
    /// which the <see cref="ReferencePipeline"/> baselines need (ML.NET's public API cannot rebuild a
    /// linear predictor from stored weights).
    /// </summary>
    internal static TrainedModel Trained => TrainedModel.Value;

    /// <summary>All the real paragraphs (about 90,000 General Debate paragraphs), or every seed paragraph when ../shared is absent.</summary>
    public static string[] AllParagraphs() => Paragraphs(int.MaxValue);

    /// <summary>Up to <paramref name="max"/> paragraphs of real text.</summary>
    public static string[] Paragraphs(int max)
    {
        if (File.Exists(RealCorpusPath))
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(RealCorpusPath), CompressionMode.Decompress));
            var list = new List<string>();
            string? line;
            while (list.Count < max && (line = reader.ReadLine()) is not null)
            {
                using JsonDocument doc = JsonDocument.Parse(line);
                list.Add(doc.RootElement.GetProperty("text").GetString()!);
            }

            return [.. list];
        }

        return Directory.GetFiles(Path.Combine(Root, "seeds", "documents"), "*.txt")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => File.ReadAllText(f).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Take(max)
            .ToArray();
    }

    /// <summary>A paragraph of about <paramref name="words"/> words from the data.</summary>
    public static string ParagraphOfLength(int words)
    {
        string[] all = Paragraphs(5000);
        return all.OrderBy(p => Math.Abs(p.Split(' ').Length - words)).ThenBy(p => p, StringComparer.Ordinal).First();
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "R2P.Classify.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
