namespace R2P.Classify.Training;

/// <summary>
/// Paragraph bootstrap of macro-F1: draw as many paragraphs as there are, with replacement, score the
/// draw, repeat, and keep the middle 95% of the scores. It says how far the figure would move on another
/// sample of the same kind of text, which is what decides whether two models really differ.
/// </summary>
internal static class Bootstrap
{
    /// <summary>Enough resamples for stable 2.5th and 97.5th percentiles, cheap even on the whole corpus.</summary>
    public const int Resamples = 1000;

    /// <summary>The interval of macro-F1 over <paramref name="rows"/>; each row's gold and given labels are bit sets.</summary>
    /// <param name="gold">Gold labels of every paragraph, bit l for label l.</param>
    /// <param name="given">Predicted labels, in the same form.</param>
    /// <param name="rows">The paragraphs to resample (all of them, or one language's).</param>
    /// <param name="labelCount">Number of labels (at most 64).</param>
    public static ConfidenceInterval MacroF1(ulong[] gold, ulong[] given, int[] rows, int labelCount)
    {
        if (rows.Length == 0)
        {
            return new ConfidenceInterval(0, 0);
        }

        // A fixed seed: the same predictions always get the same interval, so reports diff cleanly.
        var random = new Random(20090112);
        var scores = new double[Resamples];
        int[] support = new int[labelCount], predicted = new int[labelCount], hits = new int[labelCount];
        for (int b = 0; b < Resamples; b++)
        {
            Array.Clear(support);
            Array.Clear(predicted);
            Array.Clear(hits);
            for (int i = 0; i < rows.Length; i++)
            {
                int row = rows[random.Next(rows.Length)];
                Count(gold[row], given[row], support, predicted, hits);
            }

            // The same macro-F1 as MetricsTable: the mean over labels present in the draw.
            double sum = 0;
            int present = 0;
            for (int l = 0; l < labelCount; l++)
            {
                if (support[l] > 0)
                {
                    sum += 2.0 * hits[l] / (support[l] + predicted[l]);
                    present++;
                }
            }

            scores[b] = present == 0 ? 0 : sum / present;
        }

        Array.Sort(scores);
        return new ConfidenceInterval(scores[(int)(0.025 * Resamples)], scores[(int)(0.975 * Resamples) - 1]);
    }

    /// <summary>Adds one paragraph's gold and given label bits to the per-label counts.</summary>
    public static void Count(ulong gold, ulong given, int[] support, int[] predicted, int[] hits)
    {
        for (int l = 0; l < support.Length; l++)
        {
            ulong bit = 1UL << l;
            support[l] += (gold & bit) != 0 ? 1 : 0;
            predicted[l] += (given & bit) != 0 ? 1 : 0;
            hits[l] += (gold & given & bit) != 0 ? 1 : 0;
        }
    }
}
