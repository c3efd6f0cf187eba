namespace R2P.Classify.Training;

/// <summary>Chooses a label's decision threshold from out-of-fold probabilities.</summary>
internal static class ThresholdSelector
{
    /// <summary>
    /// The threshold with the best F1 (or, with <paramref name="minPrecision"/>, the lowest that
    /// reaches that precision, falling back to best F1). Thresholds sit halfway between adjacent
    /// distinct scores so that small score shifts do not flip decisions at the boundary.
    /// </summary>
    public static float Choose(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> labels, double? minPrecision)
    {
        int n = probabilities.Length;
        int[] order = Enumerable.Range(0, n).ToArray();
        float[] keys = probabilities.ToArray();
        Array.Sort(keys, order);   // ascending
        int positives = 0;
        foreach (bool label in labels)
        {
            positives += label ? 1 : 0;
        }

        if (positives == 0)
        {
            return 0.5f;
        }

        // Walk thresholds from the top: predicting every paragraph with score >= keys[k].
        float bestF1Threshold = 0.5f, precisionThreshold = float.NaN;
        double bestF1 = -1;
        int truePositives = 0, predicted = 0;
        for (int k = n - 1; k >= 0; k--)
        {
            predicted++;
            truePositives += labels[order[k]] ? 1 : 0;
            if (k > 0 && keys[k - 1] == keys[k])
            {
                continue;   // ties are decided together
            }

            float threshold = k > 0 ? (keys[k] + keys[k - 1]) / 2 : keys[k];
            double f1 = 2.0 * truePositives / (positives + predicted);
            if (f1 > bestF1)
            {
                bestF1 = f1;
                bestF1Threshold = threshold;
            }

            if (minPrecision is double target && (double)truePositives / predicted >= target)
            {
                precisionThreshold = threshold;
            }
        }

        return float.IsNaN(precisionThreshold) ? bestF1Threshold : precisionThreshold;
    }
}
