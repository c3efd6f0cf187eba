using System.CommandLine;
using R2P.Classify.Cli.Commands;

namespace R2P.Classify.Cli;

/// <summary>The <c>r2p</c> command: parse, call the library, print. No logic of its own.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the CLI with the given writers (used by tests to run it in process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var console = new CliConsole(output, error);
        var root = new RootCommand("r2p: classify UN and diplomatic texts by Responsibility to Protect pillar and theme.")
        {
            ClassifyCommand.Create(console),
            ReportCommand.Create(console),
            TrainCommand.Create(console),
            EvaluateCommand.Create(console),
            CorpusCommand.Create(console),
        };

        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"r2p: {parseError.Message}");
            }

            error.WriteLine("Run 'r2p --help' for usage.");
            return ExitCodes.Usage;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
