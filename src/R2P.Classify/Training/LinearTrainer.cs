namespace R2P.Classify.Training;

/// <summary>The ML.NET binary trainer used for each label. All are linear, so the trained model is one weight vector per label.</summary>
public enum LinearTrainer
{
    /// <summary>Logistic regression with L-BFGS (ML.NET <c>LbfgsLogisticRegression</c>).</summary>
    LbfgsLogisticRegression,

    /// <summary>Logistic regression with stochastic dual coordinate ascent (ML.NET <c>SdcaLogisticRegression</c>): the default, chosen in docs/model-selection.md.</summary>
    SdcaLogisticRegression,

    /// <summary>A linear support vector machine (ML.NET <c>LinearSvm</c>), calibrated afterwards.</summary>
    LinearSvm,

    /// <summary>The averaged perceptron (ML.NET <c>AveragedPerceptron</c>), calibrated afterwards.</summary>
    AveragedPerceptron,
}
