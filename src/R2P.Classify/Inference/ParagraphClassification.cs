namespace R2P.Classify;

/// <summary>The result of classifying one paragraph. Immutable.</summary>
public sealed class ParagraphClassification
{
    internal ParagraphClassification(IReadOnlyList<LabelScore> labels, IReadOnlyList<LabelScore> scores, string language, IReadOnlyList<LabelEvidence>? evidence = null)
    {
        Labels = labels;
        Scores = scores;
        Language = language;
        Evidence = evidence ?? [];
    }

    /// <summary>The labels whose score reached the model's threshold for that label, best first. Empty when none did.</summary>
    public IReadOnlyList<LabelScore> Labels { get; }

    /// <summary>The scores of every label of the model, in the label set's fixed order (pillars, then themes).</summary>
    public IReadOnlyList<LabelScore> Scores { get; }

    /// <summary>The detected language: <c>ar</c>, <c>zh</c>, <c>en</c>, <c>fr</c>, <c>ru</c>, <c>es</c>, or <c>other</c>.</summary>
    public string Language { get; }

    /// <summary>
    /// For each label in <see cref="Labels"/>, the spans of the paragraph that contributed most to its
    /// score. Filled by <see cref="R2PClassifier.Explain"/>; empty from <see cref="R2PClassifier.Classify(string?)"/>.
    /// </summary>
    public IReadOnlyList<LabelEvidence> Evidence { get; }

    /// <summary>The <paramref name="count"/> best-scoring labels, whatever their thresholds, best first.</summary>
    /// <param name="count">How many labels to return (at most the number of labels).</param>
    public IReadOnlyList<LabelScore> Top(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Scores.OrderByDescending(s => s.Score).Take(count).ToArray();
    }

    /// <summary>The pillars among <see cref="Labels"/>.</summary>
    public IEnumerable<LabelScore> Pillars => Labels.Where(l => l.Kind == LabelKind.Pillar);

    /// <summary>The themes among <see cref="Labels"/>.</summary>
    public IEnumerable<LabelScore> Themes => Labels.Where(l => l.Kind == LabelKind.Theme);

    /// <summary>Whether the label with id <paramref name="labelId"/> was given.</summary>
    /// <param name="labelId">A label id such as <c>timely-response</c>.</param>
    public bool HasLabel(string labelId)
    {
        foreach (LabelScore label in Labels)
        {
            if (string.Equals(label.Label, labelId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The score of the label with id <paramref name="labelId"/>.</summary>
    /// <param name="labelId">A label id such as <c>timely-response</c>.</param>
    /// <exception cref="ArgumentException">The model has no such label.</exception>
    public float ScoreOf(string labelId)
    {
        foreach (LabelScore score in Scores)
        {
            if (string.Equals(score.Label, labelId, StringComparison.Ordinal))
            {
                return score.Score;
            }
        }

        throw new ArgumentException($"Unknown label '{labelId}'. Valid ids: {string.Join(", ", Scores.Select(s => s.Label))}.", nameof(labelId));
    }
}
