using BenchmarkDotNet.Attributes;

namespace R2P.Classify.Benchmarks;

/// <summary>A batch of real paragraphs (see <see cref="ParagraphSetBase"/>).</summary>
[MemoryDiagnoser]
public class ClassifyBatchBenchmarks : ParagraphSetBase
{
    [Params(2000)]
    public int Paragraphs { get; set; }

    protected override string[] LoadParagraphs() => BenchmarkData.Paragraphs(Paragraphs);
}
