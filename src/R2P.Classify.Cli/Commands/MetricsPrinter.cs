using System.Globalization;
using R2P.Classify.Training;

namespace R2P.Classify.Cli.Commands;

/// <summary>Prints evaluation reports as aligned plain-text tables (stable for pasting into notes and READMEs).</summary>
internal static class MetricsPrinter
{
    public static void Print(TextWriter writer, string title, EvaluationReport report)
    {
        writer.WriteLine(title);
        writer.WriteLine($"{"label",-26} {"precision",9} {"recall",7} {"f1",6} {"support",8} {"predicted",9}");
        foreach (LabelMetrics m in report.Overall.Labels)
        {
            writer.WriteLine($"{m.Label,-26} {F(m.Precision),9} {F(m.Recall),7} {F(m.F1),6} {m.Support,8} {m.Predicted,9}");
        }

        writer.WriteLine($"{"macro-F1",-26} {"",9} {"",7} {F(report.Overall.MacroF1),6}   ({report.Overall.Paragraphs} paragraphs; labels with support > 0; 95% bootstrap interval {Interval(report.Overall.MacroF1Interval)})");
        writer.WriteLine($"{"micro-F1",-26} {"",9} {"",7} {F(report.Overall.MicroF1),6}");
        if (report.ByLanguage.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine($"{"language",-10} {"paragraphs",10} {"macro-F1",9} {"micro-F1",9}   macro-F1 95% interval");
            foreach ((string language, MetricsTable table) in report.ByLanguage)
            {
                writer.WriteLine($"{language,-10} {table.Paragraphs,10} {F(table.MacroF1),9} {F(table.MicroF1),9}   {Interval(table.MacroF1Interval)}");
            }
        }

        writer.WriteLine();
    }

    private static string Interval(ConfidenceInterval interval) => $"{F(interval.Lower)}–{F(interval.Upper)}";

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
