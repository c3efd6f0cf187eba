using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace R2P.Classify.Benchmarks;

/// <summary>
/// Every paragraph of ../shared/corpora/ungdc-2005-2024.jsonl.gz (about 90,000 General Debate
/// paragraphs; the seed paragraphs when it is absent), scored as in <see cref="ParagraphSetBase"/>.
/// Each operation is a whole pass over the corpus.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RealTextBenchmarks : ParagraphSetBase
{
    protected override string[] LoadParagraphs()
    {
        string[] paragraphs = BenchmarkData.AllParagraphs();
        Console.WriteLine($"// RealTextBenchmarks: {paragraphs.Length} paragraphs from {(File.Exists(BenchmarkData.RealCorpusPath) ? BenchmarkData.RealCorpusPath : "the seed documents")}");
        return paragraphs;
    }
}
