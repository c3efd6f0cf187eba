using Microsoft.ML;
using Microsoft.ML.Data;
using R2P.Classify.Features;

namespace R2P.Classify.Training;

/// <summary>
/// The ML.NET way of scoring a trained model, kept as the reference for the fast scorer in
/// <see cref="R2PClassifier"/>: text → features (a custom mapping over the same <see cref="FeatureSpace"/>
/// code) → each label's ML.NET binary prediction transformer → ML.NET's Platt calibrator with the
/// model's slope and offset → one vector of 15 probabilities, read through a <see cref="PredictionEngine{TSrc, TDst}"/>.
/// Tests assert that both give the same scores; benchmarks use it as the baseline.
/// Like any prediction engine it is not thread-safe: one instance per thread.
/// </summary>
internal sealed class ReferencePipeline : IDisposable
{
    private const string ProbabilitiesColumn = "Probabilities";

    private readonly PredictionEngine<TextRow, ProbabilitiesRow> _engine;

    private ReferencePipeline(PredictionEngine<TextRow, ProbabilitiesRow> engine, ITransformer chain)
    {
        _engine = engine;
        Chain = chain;
    }

    /// <summary>The whole ML.NET pipeline, from a <c>Text</c> column to the <c>Probabilities</c> vector.</summary>
    public ITransformer Chain { get; }

    /// <summary>Builds the pipeline of a model fresh from training (only those carry their ML.NET transformers).</summary>
    public static ReferencePipeline Create(TrainedModel trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var ml = new MLContext(seed: 0);
        FeatureSpace space = trained.Model.Features;
        IDataView data = ml.Data.LoadFromEnumerable(Array.Empty<TextRow>());
        var steps = new List<ITransformer>();

        ITransformer Add(ITransformer step)
        {
            steps.Add(step);
            data = step.Transform(data);
            return step;
        }

        // Text → the model's sparse feature vector, with the fixed dimension the predictors were trained on.
        SchemaDefinition featureSchema = SchemaDefinition.Create(typeof(FeatureRow));
        featureSchema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, space.Dimension);
        var mapper = new FeatureMapper(space);
        Add(ml.Transforms.CustomMapping<TextRow, FeatureRow>(mapper.Map, contractName: null, outputSchemaDefinition: featureSchema).Fit(data));

        // Each predictor writes Score (the raw margin); Platt calibration turns it into Probability,
        // which is copied aside before the next label's predictor overwrites both columns.
        var probabilityColumns = new string[trained.Model.Labels.Count];
        for (int l = 0; l < probabilityColumns.Length; l++)
        {
            Add(trained.Scorers[l]);
            Add(ml.BinaryClassification.Calibrators.Platt(trained.Model.Slopes[l], trained.Model.Offsets[l], scoreColumnName: "Score").Fit(data));
            probabilityColumns[l] = $"Probability{l}";
            Add(ml.Transforms.CopyColumns(probabilityColumns[l], "Probability").Fit(data));
        }

        Add(ml.Transforms.Concatenate(ProbabilitiesColumn, probabilityColumns).Fit(data));
        var chain = new TransformerChain<ITransformer>([.. steps]);
        return new ReferencePipeline(ml.Model.CreatePredictionEngine<TextRow, ProbabilitiesRow>(chain), chain);
    }

    /// <summary>The calibrated probability of every label, in label order.</summary>
    public float[] Score(string text) => _engine.Predict(new TextRow { Text = text }).Probabilities;

    public void Dispose() => _engine.Dispose();

    /// <summary>The pipeline's input row.</summary>
    internal sealed class TextRow
    {
        public string Text { get; set; } = "";
    }

    /// <summary>The custom mapping's output row: the feature vector ML.NET's predictors read.</summary>
    internal sealed class FeatureRow
    {
        [VectorType]
        public VBuffer<float> Features { get; set; }
    }

    /// <summary>The pipeline's output row.</summary>
    internal sealed class ProbabilitiesRow
    {
        [ColumnName(ProbabilitiesColumn)]
        public float[] Probabilities { get; set; } = [];
    }

    /// <summary>Vectorizes with the shared feature code; one scratch per thread, as ML.NET may map on several.</summary>
    private sealed class FeatureMapper(FeatureSpace space)
    {
        [ThreadStatic]
        private static VectorScratch? t_scratch;

        public void Map(TextRow input, FeatureRow output) =>
            output.Features = LabelFitter.Vectorize(space, input.Text ?? "", t_scratch ??= new VectorScratch());
    }
}
