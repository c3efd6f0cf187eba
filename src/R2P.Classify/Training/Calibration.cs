namespace R2P.Classify.Training;

/// <summary>
/// Platt scaling fitted on out-of-fold margins, with the target smoothing and Newton iteration of
/// Lin, Lin and Weng (2007), the algorithm ML.NET's Platt calibrator also uses. Returns (slope,
/// offset) for p = 1 / (1 + exp(slope · margin + offset)).
/// </summary>
internal static class Calibration
{
    public static (double Slope, double Offset) FitPlatt(ReadOnlySpan<float> margins, ReadOnlySpan<bool> labels)
    {
        int positives = 0;
        foreach (bool label in labels)
        {
            positives += label ? 1 : 0;
        }

        int negatives = labels.Length - positives;
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (negatives + 2.0);
        double a = 0, b = Math.Log((negatives + 1.0) / (positives + 1.0));
        double fval = Objective(margins, labels, a, b, high, low);
        const double minStep = 1e-10, sigma = 1e-12, epsilon = 1e-5;

        for (int iteration = 0; iteration < 100; iteration++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < margins.Length; i++)
            {
                double t = labels[i] ? high : low;
                double fApB = (margins[i] * a) + b;
                double p, q;
                if (fApB >= 0)
                {
                    p = Math.Exp(-fApB) / (1.0 + Math.Exp(-fApB));
                    q = 1.0 / (1.0 + Math.Exp(-fApB));
                }
                else
                {
                    p = 1.0 / (1.0 + Math.Exp(fApB));
                    q = Math.Exp(fApB) / (1.0 + Math.Exp(fApB));
                }

                double d2 = p * q;
                h11 += margins[i] * margins[i] * d2;
                h22 += d2;
                h21 += margins[i] * d2;
                double d1 = t - p;
                g1 += margins[i] * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < epsilon && Math.Abs(g2) < epsilon)
            {
                break;
            }

            double det = (h11 * h22) - (h21 * h21);
            double dA = -((h22 * g1) - (h21 * g2)) / det;
            double dB = -((-h21 * g1) + (h11 * g2)) / det;
            double gd = (g1 * dA) + (g2 * dB);
            double step = 1;
            while (step >= minStep)
            {
                double newA = a + (step * dA), newB = b + (step * dB);
                double newF = Objective(margins, labels, newA, newB, high, low);
                if (newF < fval + (0.0001 * step * gd))
                {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }

                step /= 2;
            }

            if (step < minStep)
            {
                break;
            }
        }

        return (a, b);
    }

    /// <summary>
    /// Expected calibration error: the paragraph-weighted mean gap between the mean predicted
    /// probability and the observed positive rate, over ten equal-width probability bins.
    /// </summary>
    public static double ExpectedCalibrationError(ReadOnlySpan<float> probabilities, ReadOnlySpan<bool> labels, int bins = 10)
    {
        double[] sum = new double[bins];
        int[] positives = new int[bins], count = new int[bins];
        for (int i = 0; i < probabilities.Length; i++)
        {
            int bin = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            sum[bin] += probabilities[i];
            positives[bin] += labels[i] ? 1 : 0;
            count[bin]++;
        }

        double error = 0;
        for (int b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                error += count[b] * Math.Abs((sum[b] / count[b]) - ((double)positives[b] / count[b]));
            }
        }

        return probabilities.Length == 0 ? 0 : error / probabilities.Length;
    }

    private static double Objective(ReadOnlySpan<float> margins, ReadOnlySpan<bool> labels, double a, double b, double high, double low)
    {
        double f = 0;
        for (int i = 0; i < margins.Length; i++)
        {
            double t = labels[i] ? high : low;
            double fApB = (margins[i] * a) + b;
            f += fApB >= 0 ? (t * fApB) + Math.Log(1 + Math.Exp(-fApB)) : ((t - 1) * fApB) + Math.Log(1 + Math.Exp(fApB));
        }

        return f;
    }
}
