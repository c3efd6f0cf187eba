using System.CommandLine;

namespace R2P.Classify.Cli.Commands;

/// <summary>Options several commands share, and loading the model they name.</summary>
internal static class CommonOptions
{
    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = "A model file written by 'r2p train' (default: the model shipped with R2P.Classify).",
    };

    public static R2PClassifier LoadClassifier(string? modelPath, int? threads = null)
    {
        var options = new ClassifierOptions { MaxDegreeOfParallelism = threads };
        return modelPath is null ? R2PClassifier.LoadDefault(options) : R2PClassifier.Load(modelPath, options);
    }
}
