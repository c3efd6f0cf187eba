namespace R2P.Classify.Training;

/// <summary>Scores a classifier against gold-labeled paragraphs.</summary>
public static class Evaluator
{
    /// <summary>Classifies every paragraph of <paramref name="gold"/> and compares the labels given with the gold labels.</summary>
    /// <param name="classifier">The classifier to evaluate.</param>
    /// <param name="gold">Paragraphs with their gold labels.</param>
    /// <param name="cancellationToken">Stops the work early.</param>
    public static EvaluationReport Evaluate(R2PClassifier classifier, IReadOnlyList<LabeledParagraph> gold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(gold);
        IReadOnlyList<ParagraphClassification> results = classifier.ClassifyMany(gold.Select(g => g.Text).ToArray(), cancellationToken);
        return Compare(classifier.Labels, gold, results.Select(r => (IReadOnlyCollection<string>)r.Labels.Select(l => l.Label).ToArray()).ToArray());
    }

    /// <summary>Compares predicted label sets with the gold labels of the same paragraphs.</summary>
    internal static EvaluationReport Compare(LabelSet labels, IReadOnlyList<LabeledParagraph> gold, IReadOnlyList<IReadOnlyCollection<string>> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold paragraphs but {predicted.Count} predictions.", nameof(predicted));
        }

        if (labels.Count > 64)
        {
            throw new ArgumentException($"At most 64 labels can be evaluated, not {labels.Count}.", nameof(labels));
        }

        // Each paragraph's gold and given labels as bit sets, for the counts and the bootstrap.
        ulong[] goldBits = new ulong[gold.Count], givenBits = new ulong[gold.Count];
        for (int row = 0; row < gold.Count; row++)
        {
            for (int l = 0; l < labels.Count; l++)
            {
                string id = labels[l].Id;
                goldBits[row] |= gold[row].Labels.Contains(id, StringComparer.Ordinal) ? 1UL << l : 0;
                givenBits[row] |= predicted[row].Contains(id, StringComparer.Ordinal) ? 1UL << l : 0;
            }
        }

        MetricsTable Table(IEnumerable<int> rowsOfTable)
        {
            int[] rows = rowsOfTable.ToArray();
            int[] support = new int[labels.Count], given = new int[labels.Count], hits = new int[labels.Count];
            foreach (int row in rows)
            {
                Bootstrap.Count(goldBits[row], givenBits[row], support, given, hits);
            }

            return new MetricsTable(
                rows.Length,
                Enumerable.Range(0, labels.Count).Select(l => new LabelMetrics(labels[l].Id, support[l], given[l], hits[l])).ToArray(),
                Bootstrap.MacroF1(goldBits, givenBits, rows, labels.Count));
        }

        var byLanguage = new SortedDictionary<string, MetricsTable>(StringComparer.Ordinal);
        foreach (IGrouping<string, int> group in Enumerable.Range(0, gold.Count).GroupBy(i => gold[i].Language))
        {
            byLanguage[group.Key] = Table(group);
        }

        return new EvaluationReport(Table(Enumerable.Range(0, gold.Count)), byLanguage);
    }
}
