using System.CommandLine;

namespace R2P.Classify.Cli.Commands;

/// <summary>Options several commands share, and loading the model they name.</summary>
internal static class CommonOptions
{
    public static Option<string?> Model() => new("--model", "-m")
    {
        Description = "A model file written by 'r2p train' (default: the model shipped with R2P.Classify).",
    };

    /// <summary>
    /// Checks an output path when the command line is parsed, before any work starts: a long run should not
    /// end with "no such folder" after all its work is done. The folder must exist and the path must not be one.
    /// </summary>
    public static T MustBeWritableFilePath<T>(this T option)
        where T : Option
    {
        option.Validators.Add(result =>
        {
            string? path = result.GetValueOrDefault<string?>();
            if (string.IsNullOrEmpty(path) || path == "-")
            {
                return;
            }

            string full = Path.GetFullPath(path);
            string? folder = Path.GetDirectoryName(full);
            if (Directory.Exists(full))
            {
                result.AddError($"{option.Name} {path}: is a folder; name the file to write.");
            }
            else if (folder is not null && !Directory.Exists(folder))
            {
                result.AddError($"{option.Name} {path}: the folder {folder} does not exist.");
            }
        });
        return option;
    }

    public static R2PClassifier LoadClassifier(string? modelPath, int? threads = null)
    {
        var options = new ClassifierOptions { MaxDegreeOfParallelism = threads };
        return modelPath is null ? R2PClassifier.LoadDefault(options) : R2PClassifier.Load(modelPath, options);
    }
}
