namespace R2P.Classify;

/// <summary>
/// A document at a glance: for every label, the share of paragraphs given it and its mean score
/// (a confidence-weighted profile). Immutable.
/// </summary>
public sealed class DocumentProfile
{
    private DocumentProfile(int paragraphs, IReadOnlyList<LabelShare> labels, IReadOnlyDictionary<string, int> languages)
    {
        ParagraphCount = paragraphs;
        Labels = labels;
        Languages = languages;
    }

    /// <summary>How many paragraphs the document has.</summary>
    public int ParagraphCount { get; }

    /// <summary>Every label of the model, in the label set's order (pillars, then themes).</summary>
    public IReadOnlyList<LabelShare> Labels { get; }

    /// <summary>How many paragraphs are in each detected language.</summary>
    public IReadOnlyDictionary<string, int> Languages { get; }

    /// <summary>The language most paragraphs are in, or <c>other</c> for an empty document.</summary>
    public string MainLanguage => Languages.Count == 0 ? "other" : Languages.MaxBy(l => l.Value).Key;

    /// <summary>The profile of the label with id <paramref name="labelId"/>.</summary>
    /// <param name="labelId">A label id such as <c>timely-response</c>.</param>
    /// <exception cref="ArgumentException">The profile has no such label.</exception>
    public LabelShare this[string labelId] =>
        Labels.FirstOrDefault(l => string.Equals(l.Label, labelId, StringComparison.Ordinal)) is { Label: not null } share
            ? share
            : throw new ArgumentException($"Unknown label '{labelId}'.", nameof(labelId));

    /// <summary>Rolls up the classifications of a document's paragraphs, in one pass.</summary>
    /// <param name="paragraphs">The classifications of the document's paragraphs.</param>
    /// <param name="labels">The model's label set (<see cref="R2PClassifier.Labels"/>).</param>
    public static DocumentProfile Create(IEnumerable<ParagraphClassification> paragraphs, LabelSet labels)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(labels);
        var builder = new Builder(labels);
        foreach (ParagraphClassification paragraph in paragraphs)
        {
            builder.Add(paragraph);
        }

        return builder.Build();
    }

    /// <summary>Accumulates a profile as paragraphs stream past (the CLI's per-document output).</summary>
    internal sealed class Builder(LabelSet labels)
    {
        private readonly int[] _counts = new int[labels.Count];
        private readonly double[] _scoreSums = new double[labels.Count];
        private readonly Dictionary<string, int> _languages = new(StringComparer.Ordinal);
        private int _paragraphs;

        public void Add(ParagraphClassification paragraph)
        {
            _paragraphs++;
            _languages[paragraph.Language] = _languages.GetValueOrDefault(paragraph.Language) + 1;
            foreach (LabelScore score in paragraph.Scores)
            {
                int index = labels.IndexOf(score.Label);
                if (index >= 0)
                {
                    _scoreSums[index] += score.Score;
                }
            }

            foreach (LabelScore label in paragraph.Labels)
            {
                int index = labels.IndexOf(label.Label);
                if (index >= 0)
                {
                    _counts[index]++;
                }
            }
        }

        public DocumentProfile Build()
        {
            var shares = new LabelShare[labels.Count];
            for (int i = 0; i < shares.Length; i++)
            {
                float share = _paragraphs == 0 ? 0 : (float)_counts[i] / _paragraphs;
                float mean = _paragraphs == 0 ? 0 : (float)(_scoreSums[i] / _paragraphs);
                shares[i] = new LabelShare(labels[i].Id, labels[i].Kind, _counts[i], share, mean);
            }

            return new DocumentProfile(_paragraphs, shares, new Dictionary<string, int>(_languages, StringComparer.Ordinal));
        }
    }
}
