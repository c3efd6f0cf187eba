using System.CommandLine;
using R2P.Classify.Training;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p corpus stats</c>: paragraphs per language and positives per label and language.</summary>
internal static class CorpusCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Argument<string[]>("paths") { Description = "Labeled .jsonl files or folders.", Arity = ArgumentArity.OneOrMore };
        var stats = new Command("stats", "Print paragraphs per language and positives per label × language.") { data };
        stats.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(_ =>
        {
            IReadOnlyList<LabeledParagraph> corpus = CorpusReader.Read(parse.GetValue(data)!);
            Print(console.Out, corpus);
            return ExitCodes.Success;
        }, cancellationToken)));
        return new Command("corpus", "Inspect a labeled corpus.") { stats };
    }

    internal static void Print(TextWriter writer, IReadOnlyList<LabeledParagraph> corpus)
    {
        string[] languages = corpus.Select(p => p.Language).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        string Row(string name, Func<string, int> count, int total) =>
            $"{name,-26}" + string.Concat(languages.Select(l => $"{count(l),7}")) + $"{total,8}";

        writer.WriteLine($"{"",-26}" + string.Concat(languages.Select(l => $"{l,7}")) + $"{"all",8}");
        writer.WriteLine(Row("paragraphs", l => corpus.Count(p => p.Language == l), corpus.Count));
        writer.WriteLine(Row("documents", l => corpus.Where(p => p.Language == l).Select(p => p.Document).Distinct().Count(), corpus.Select(p => p.Document).Distinct().Count()));
        writer.WriteLine(Row("no label", l => corpus.Count(p => p.Language == l && p.Labels.Count == 0), corpus.Count(p => p.Labels.Count == 0)));
        foreach (LabelDefinition label in LabelSet.V1)
        {
            writer.WriteLine(Row(label.Id, l => corpus.Count(p => p.Language == l && p.Labels.Contains(label.Id)), corpus.Count(p => p.Labels.Contains(label.Id))));
        }
    }
}
