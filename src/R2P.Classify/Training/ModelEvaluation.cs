namespace R2P.Classify.Training;

/// <summary>An evaluation of a model on a named gold set, for the model card.</summary>
/// <param name="Name">The gold set's name, e.g. its path as given on the command line.</param>
/// <param name="Report">The metrics.</param>
public sealed record ModelEvaluation(string Name, EvaluationReport Report);
