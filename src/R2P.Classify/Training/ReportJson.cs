using System.Text.Json;
using System.Text.Json.Nodes;
using R2P.Classify.Model;

namespace R2P.Classify.Training;

/// <summary>JSON forms of evaluation reports and model cards. Numbers are rounded to 4 decimals so that files diff cleanly.</summary>
internal static class ReportJson
{
    public static JsonObject Report(EvaluationReport report)
    {
        JsonObject overall = Table(report.Overall);
        var byLanguage = new JsonObject();
        foreach ((string language, MetricsTable table) in report.ByLanguage)
        {
            byLanguage[language] = Table(table);
        }

        overall["byLanguage"] = byLanguage;
        return overall;
    }

    public static JsonObject Table(MetricsTable table)
    {
        var labels = new JsonObject();
        foreach (LabelMetrics m in table.Labels)
        {
            labels[m.Label] = new JsonObject
            {
                ["precision"] = Round(m.Precision),
                ["recall"] = Round(m.Recall),
                ["f1"] = Round(m.F1),
                ["support"] = m.Support,
                ["predicted"] = m.Predicted,
            };
        }

        return new JsonObject
        {
            ["paragraphs"] = table.Paragraphs,
            ["macroF1"] = Round(table.MacroF1),
            ["macroF1Interval95"] = new JsonArray(Round(table.MacroF1Interval.Lower), Round(table.MacroF1Interval.Upper)),
            ["microF1"] = Round(table.MicroF1),
            ["labels"] = labels,
        };
    }

    public static JsonObject Card(TrainedModel model, string modelFileName, IReadOnlyList<ModelEvaluation> evaluations)
    {
        ModelManifest manifest = model.Model.Manifest;
        var thresholds = new JsonObject();
        var calibration = new JsonObject();
        foreach (ManifestLabel label in manifest.Labels)
        {
            thresholds[label.Id] = Round(label.Threshold);
            calibration[label.Id] = new JsonObject
            {
                ["method"] = "platt",
                ["slope"] = Round(label.CalibrationSlope),
                ["offset"] = Round(label.CalibrationOffset),
                ["expectedCalibrationError"] = manifest.Metrics.TryGetValue(label.Id, out ManifestLabelMetrics? m) ? m.CalibrationError : null,
            };
        }

        var evaluationArray = new JsonArray();
        foreach (ModelEvaluation evaluation in evaluations)
        {
            evaluationArray.Add(new JsonObject { ["name"] = evaluation.Name, ["metrics"] = Report(evaluation.Report) });
        }

        return new JsonObject
        {
            ["model"] = modelFileName,
            ["libraryVersion"] = manifest.LibraryVersion,
            ["codebookVersion"] = manifest.CodebookVersion,
            ["training"] = JsonSerializer.SerializeToNode(manifest.Training),
            ["features"] = JsonSerializer.SerializeToNode(manifest.Features),
            ["thresholds"] = thresholds,
            ["calibration"] = calibration,
            ["crossValidation"] = Report(model.CrossValidation),
            ["evaluations"] = evaluationArray,
            ["notes"] = "crossValidation: out-of-fold predictions of the first cross-validation, folds grouped by document, at thresholds chosen on " +
                "the out-of-fold predictions of every repetition (training.crossValidationRepeats), these included (optimistic). " +
                "evaluations: real text never trained on. macroF1 averages the labels present in the gold data; " +
                "macroF1Interval95 is where it falls on 95% of 1,000 paragraph bootstrap resamples. " +
                "calibration: Platt scaling fitted on the out-of-fold margins of every repetition; expectedCalibrationError over 10 equal-width bins of those out-of-fold probabilities. " +
                "training.lexiconWeight: the factor on the lexicon features' IDF.",
        };
    }

    private static double Round(double value) => Math.Round(value, 4);
}
