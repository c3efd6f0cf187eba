using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using R2P.Classify.Features;

namespace R2P.Classify.Training;

/// <summary>
/// Trains one ML.NET linear binary classifier for one label over precomputed feature vectors and
/// returns its weights and bias, and the ML.NET transformer itself (kept in memory only, as the
/// reference that the fast scorer is tested against). ML.NET has no multi-label trainer; one binary model per label over
/// shared features is the standard reduction (one-vs-rest), and lets labels co-occur freely.
/// </summary>
internal static class LabelFitter
{
    /// <summary>A training row as ML.NET sees it: the label of one paragraph and its sparse features.</summary>
    internal sealed class Row
    {
        public bool Label { get; set; }

        [VectorType]
        public VBuffer<float> Features { get; set; }
    }

    public static (float[] Weights, float Bias, ITransformer Transformer) Fit(IReadOnlyList<VBuffer<float>> vectors, bool[] labels, int dimension, TrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        IDataView data = ml.Data.LoadFromEnumerable(vectors.Select((v, i) => new Row { Label = labels[i], Features = v }), schema);

        ITransformer model = options.Trainer switch
        {
            LinearTrainer.LbfgsLogisticRegression => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = options.L2Regularization,
                L1Regularization = 0,
                NumberOfThreads = 1,
                OptimizationTolerance = 1e-7f,
                MaximumNumberOfIterations = 200,
            }).Fit(data),
            LinearTrainer.SdcaLogisticRegression => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                L2Regularization = options.L2Regularization / vectors.Count,
                L1Regularization = 0,
                NumberOfThreads = 1,
                Shuffle = false,
                MaximumNumberOfIterations = 50,
            }).Fit(data),
            LinearTrainer.LinearSvm => ml.BinaryClassification.Trainers.LinearSvm(new LinearSvmTrainer.Options
            {
                Lambda = options.L2Regularization / vectors.Count,
                NumberOfIterations = 20,
                Shuffle = false,
            }).Fit(data),
            LinearTrainer.AveragedPerceptron => ml.BinaryClassification.Trainers.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                L2Regularization = options.L2Regularization / vectors.Count,
                NumberOfIterations = 10,
                Shuffle = false,
            }).Fit(data),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Trainer, "Unknown trainer."),
        };

        LinearBinaryModelParameters linear = model switch
        {
            BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> calibrated => calibrated.Model.SubModel,
            BinaryPredictionTransformer<LinearBinaryModelParameters> plain => plain.Model,
            _ => throw new InvalidOperationException($"Unexpected model type {model.GetType()}."),
        };

        float[] weights = new float[dimension];
        int i = 0;
        foreach (float w in linear.Weights)
        {
            weights[i++] = w;
        }

        return (weights, linear.Bias, model);
    }

    /// <summary>The sparse ML.NET vector of <paramref name="text"/> in <paramref name="space"/>, indices ascending.</summary>
    public static VBuffer<float> Vectorize(FeatureSpace space, string text, VectorScratch scratch)
    {
        space.Vectorize(text, scratch);
        int[] indices = scratch.Indices.AsSpan(0, scratch.Count).ToArray();
        float[] values = scratch.Values.AsSpan(0, scratch.Count).ToArray();
        Array.Sort(indices, values);
        return new VBuffer<float>(space.Dimension, indices.Length, values, indices);
    }
}
