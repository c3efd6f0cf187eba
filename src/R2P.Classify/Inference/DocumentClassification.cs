namespace R2P.Classify;

/// <summary>The classification of a whole document, paragraph by paragraph. Immutable.</summary>
public sealed class DocumentClassification
{
    internal DocumentClassification(IReadOnlyList<ClassifiedParagraph> paragraphs, LabelSet labels)
    {
        Paragraphs = paragraphs;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (LabelDefinition label in labels)
        {
            counts[label.Id] = paragraphs.Count(p => p.Classification.HasLabel(label.Id));
        }

        LabelCounts = counts;
    }

    /// <summary>The document's paragraphs (blocks separated by blank lines), in order.</summary>
    public IReadOnlyList<ClassifiedParagraph> Paragraphs { get; }

    /// <summary>For every label of the model, how many paragraphs were given it.</summary>
    public IReadOnlyDictionary<string, int> LabelCounts { get; }
}
