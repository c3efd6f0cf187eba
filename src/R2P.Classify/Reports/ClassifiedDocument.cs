namespace R2P.Classify;

/// <summary>A paragraph read from a document, with its classification.</summary>
/// <param name="Paragraph">The paragraph and where it came from (file, number, page, offsets).</param>
/// <param name="Classification">Its labels, scores, language and the evidence for each label given.</param>
public sealed record ClassifiedSourceParagraph(SourceParagraph Paragraph, ParagraphClassification Classification);

/// <summary>A document read and classified paragraph by paragraph, with its profile. Immutable.</summary>
public sealed class ClassifiedDocument
{
    private ClassifiedDocument(string source, IReadOnlyList<ClassifiedSourceParagraph> paragraphs, LabelSet labels)
    {
        Source = source;
        Paragraphs = paragraphs;
        Labels = labels;
        Profile = DocumentProfile.Create(paragraphs.Select(p => p.Classification), labels);
    }

    /// <summary>The file the document was read from.</summary>
    public string Source { get; }

    /// <summary>Its paragraphs, in order, with their classifications.</summary>
    public IReadOnlyList<ClassifiedSourceParagraph> Paragraphs { get; }

    /// <summary>The label set the paragraphs were classified with.</summary>
    public LabelSet Labels { get; }

    /// <summary>The document's roll-up: share of paragraphs and mean score per label.</summary>
    public DocumentProfile Profile { get; }

    /// <summary>Reads a document with <see cref="DocumentReader"/> and classifies its paragraphs, with evidence (see <see cref="R2PClassifier.Explain"/>).</summary>
    /// <param name="classifier">The classifier to use.</param>
    /// <param name="path">A file in any format <see cref="DocumentReader"/> reads.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    /// <exception cref="DocumentReadException">The file cannot be read.</exception>
    public static ClassifiedDocument Read(R2PClassifier classifier, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(path);
        return Create(classifier, path, DocumentReader.ReadParagraphs(path).ToArray(), cancellationToken);
    }

    /// <summary>Classifies paragraphs already read, with evidence for each label given (see <see cref="R2PClassifier.Explain"/>).</summary>
    /// <param name="classifier">The classifier to use.</param>
    /// <param name="source">The document's name.</param>
    /// <param name="paragraphs">Its paragraphs, in order.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    public static ClassifiedDocument Create(R2PClassifier classifier, string source, IReadOnlyList<SourceParagraph> paragraphs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(paragraphs);
        // Documents are read by people: explain every label (slower than ClassifyMany, fine at document scale).
        ParagraphClassification[] results = paragraphs.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(p => classifier.Explain(p.Text, maxSpans: 3)).ToArray();
        var classified = new ClassifiedSourceParagraph[paragraphs.Count];
        for (int i = 0; i < classified.Length; i++)
        {
            classified[i] = new ClassifiedSourceParagraph(paragraphs[i], results[i]);
        }

        return new ClassifiedDocument(source, classified, classifier.Labels);
    }
}
