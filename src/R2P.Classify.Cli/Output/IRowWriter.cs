namespace R2P.Classify.Cli.Output;

/// <summary>Writes classified paragraphs in one output format, as they come.</summary>
internal interface IRowWriter : IDisposable
{
    void Write(SourceParagraph paragraph, ParagraphClassification classification);

    /// <summary>Called after the last row of one input file.</summary>
    void EndOfSource(string source);
}
