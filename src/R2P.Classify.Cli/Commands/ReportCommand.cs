using System.CommandLine;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p report</c>: classify documents and write one self-contained HTML report.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Documents (.txt, .md, .pdf, .docx, .html, .htm, .jsonl), folders, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write (atomically).", Required = true }.MustBeWritableFilePath();
        var title = new Option<string?>("--title") { Description = "The report's title." };
        var model = CommonOptions.Model();
        var threads = new Option<int?>("--threads") { Description = "Threads to classify with (default: all processors)." };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first input that cannot be read." };

        var command = new Command("report", "Write an HTML report: paragraphs highlighted by label, a profile chart per document, a comparison of documents.")
        {
            inputs, output, title, model, threads, failFast,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(token =>
        {
            using R2PClassifier classifier = CommonOptions.LoadClassifier(parse.GetValue(model), parse.GetValue(threads));
            var documents = new List<ClassifiedDocument>();
            int failures = 0;
            foreach (string input in parse.GetValue(inputs)!)
            {
                try
                {
                    foreach (string file in DocumentReader.ExpandInput(input))
                    {
                        try
                        {
                            documents.Add(ClassifiedDocument.Read(classifier, file, token));
                        }
                        catch (DocumentReadException e) when (!parse.GetValue(failFast))
                        {
                            console.Warn($"error: {e.Message}");
                            failures++;
                        }
                    }
                }
                catch (DocumentReadException e) when (!parse.GetValue(failFast))
                {
                    console.Warn($"error: {e.Message}");
                    failures++;
                }
            }

            if (documents.Count == 0)
            {
                throw new CliException("no document could be read; no report written");
            }

            string path = parse.GetValue(output)!;
            HtmlReport.WriteFile(path, documents, parse.GetValue(title));
            console.Error.WriteLine($"r2p: wrote {path}: {documents.Count} document(s), {documents.Sum(d => d.Paragraphs.Count)} paragraph(s)");
            if (failures > 0)
            {
                console.Warn($"{failures} input(s) could not be read; the report has the others.");
                return ExitCodes.DataError;
            }

            return ExitCodes.Success;
        }, cancellationToken)));
        return command;
    }
}
