using R2P.Classify.Training;

namespace R2P.Classify.Tests;

public class EvaluationTests
{
    private static readonly LabelSet Labels = LabelSet.V1;

    [Fact]
    public void Perfect_predictions_have_a_macro_F1_of_one_on_every_resample()
    {
        (LabeledParagraph[] gold, _) = Sample(copies: 1);
        EvaluationReport report = Evaluator.Compare(Labels, gold, gold.Select(g => (IReadOnlyCollection<string>)g.Labels.ToArray()).ToArray());

        Assert.Equal(1.0, report.Overall.MacroF1);
        Assert.Equal(new ConfidenceInterval(1.0, 1.0), report.Overall.MacroF1Interval);
    }

    [Fact]
    public void The_interval_holds_the_figure_and_is_the_same_on_every_run()
    {
        (LabeledParagraph[] gold, string[][] predicted) = Sample(copies: 1);
        MetricsTable first = Evaluator.Compare(Labels, gold, predicted).Overall;
        MetricsTable second = Evaluator.Compare(Labels, gold, predicted).Overall;

        Assert.InRange(first.MacroF1, first.MacroF1Interval.Lower, first.MacroF1Interval.Upper);
        Assert.True(first.MacroF1Interval.Upper - first.MacroF1Interval.Lower > 0.05, $"{first.MacroF1Interval} is too narrow for 40 paragraphs with errors");
        Assert.Equal(first.MacroF1Interval, second.MacroF1Interval);
    }

    [Fact]
    public void Four_times_the_data_about_halves_the_interval()
    {
        // The same errors in a four times larger gold set: the figure is the same, its noise about half.
        (LabeledParagraph[] gold, string[][] predicted) = Sample(copies: 1);
        (LabeledParagraph[] gold4, string[][] predicted4) = Sample(copies: 4);
        MetricsTable small = Evaluator.Compare(Labels, gold, predicted).Overall;
        MetricsTable large = Evaluator.Compare(Labels, gold4, predicted4).Overall;

        double smallWidth = small.MacroF1Interval.Upper - small.MacroF1Interval.Lower;
        double largeWidth = large.MacroF1Interval.Upper - large.MacroF1Interval.Lower;
        Assert.Equal(small.MacroF1, large.MacroF1, 10);
        Assert.InRange(largeWidth / smallWidth, 0.35, 0.7);
    }

    [Fact]
    public void Each_language_gets_its_own_interval()
    {
        (LabeledParagraph[] gold, string[][] predicted) = Sample(copies: 1);
        EvaluationReport report = Evaluator.Compare(Labels, gold, predicted);

        // English rows are all right in the sample, French rows carry every error.
        Assert.Equal(new ConfidenceInterval(1.0, 1.0), report.ByLanguage["en"].MacroF1Interval);
        Assert.True(report.ByLanguage["fr"].MacroF1Interval.Upper < 1.0);
    }

    /// <summary>
    /// Forty paragraphs: twenty English ones predicted exactly, twenty French ones with a missed label
    /// every other row and a wrong extra label every third; <paramref name="copies"/> repeats the set.
    /// </summary>
    private static (LabeledParagraph[] Gold, string[][] Predicted) Sample(int copies)
    {
        var gold = new List<LabeledParagraph>();
        var predicted = new List<string[]>();
        for (int copy = 0; copy < copies; copy++)
        {
            for (int i = 0; i < 40; i++)
            {
                string[] labels = [Labels[i % Labels.Count].Id, Labels[(i + 5) % Labels.Count].Id];
                string language = i < 20 ? "en" : "fr";
                gold.Add(new LabeledParagraph($"d{copy}-{i}", "text", labels, language, $"d{copy}"));
                if (language == "en")
                {
                    predicted.Add(labels);
                    continue;
                }

                string[] given = i % 2 == 0 ? [labels[0]] : labels;
                predicted.Add(i % 3 == 0 ? [.. given, Labels[(i + 9) % Labels.Count].Id] : given);
            }
        }

        return ([.. gold], [.. predicted]);
    }
}
