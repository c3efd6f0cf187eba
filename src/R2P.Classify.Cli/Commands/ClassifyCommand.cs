using System.CommandLine;
using R2P.Classify.Cli.Output;

namespace R2P.Classify.Cli.Commands;

/// <summary><c>r2p classify</c>: label the paragraphs of documents and JSON Lines files.</summary>
internal static class ClassifyCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files (.txt, .md, .pdf, .docx, .html, .htm, .jsonl, .jsonl.gz), folders, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "jsonl", "csv");
        var per = new Option<string>("--per") { Description = "One row per paragraph, or per document (its profile: share of paragraphs and mean score per label).", DefaultValueFactory = _ => "paragraph" };
        per.AcceptOnlyFromAmong("paragraph", "document");
        var model = CommonOptions.Model();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file (atomically) instead of standard output; - is standard output." }.MustBeWritableFilePath();
        var threads = new Option<int?>("--threads") { Description = "Threads to classify with (default: all processors)." };
        threads.Validators.Add(r =>
        {
            if (r.GetValue(threads) is < 1)
            {
                r.AddError("--threads must be at least 1.");
            }
        });
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first input that cannot be read." };
        var explain = new Option<bool>("--explain") { Description = "Show, for each label given, the spans of text that raised its score most (weights and offsets)." };

        var command = new Command("classify", "Label each paragraph by R2P pillar and theme.") { inputs, format, per, model, output, threads, failFast, explain };
        command.SetAction((parse, cancellationToken) => Task.FromResult(console.Guard(token =>
        {
            using R2PClassifier classifier = CommonOptions.LoadClassifier(parse.GetValue(model), parse.GetValue(threads));
            string? outputPath = parse.GetValue(output);
            string chosenFormat = parse.GetValue(format)!;
            var settings = new RunSettings(chosenFormat, parse.GetValue(per) == "document", parse.GetValue(failFast), parse.GetValue(explain));
            if (outputPath is null or "-")
            {
                return Run(console, classifier, parse.GetValue(inputs)!, settings, console.Out, interactive: !Console.IsOutputRedirected && ReferenceEquals(console.Out, Console.Out), token);
            }

            int exitCode = ExitCodes.Success;
            AtomicFile.Write(outputPath, stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                exitCode = Run(console, classifier, parse.GetValue(inputs)!, settings, writer, interactive: false, token);
            });
            return exitCode;
        }, cancellationToken)));
        return command;
    }

    private sealed record RunSettings(string Format, bool PerDocument, bool FailFast, bool Explain);

    private static int Run(CliConsole console, R2PClassifier classifier, string[] inputs, RunSettings settings, TextWriter writer, bool interactive, CancellationToken token)
    {
        bool failFast = settings.FailFast;
        string format = settings.Format;
        using IRowWriter rows = settings.PerDocument ? new DocumentRowWriter(writer, classifier.Labels, format, interactive) : format switch
        {
            "jsonl" => new JsonLinesRowWriter(WriterStream(writer)),
            "csv" => new CsvRowWriter(writer, classifier.Labels),
            _ => new TableRowWriter(writer, interactive, classifier.Labels),
        };

        // The progress line goes to standard error, only when a person watches it and the rows are not drawn on the same terminal.
        Progress? progress = interactive || Console.IsErrorRedirected || !ReferenceEquals(console.Error, Console.Error) ? null : new Progress(console.Error);
        int failures = 0;
        foreach (string input in inputs)
        {
            IReadOnlyList<string> files;
            try
            {
                files = DocumentReader.ExpandInput(input);
            }
            catch (DocumentReadException e) when (!failFast)
            {
                console.Warn($"error: {e.Message}");
                failures++;
                continue;
            }

            foreach (string file in files)
            {
                try
                {
                    ClassifyFile(classifier, file, rows, settings.Explain, progress, token);
                }
                catch (DocumentReadException e) when (!failFast)
                {
                    console.Warn($"error: {e.Message}");
                    failures++;
                }
            }
        }

        progress?.Finish();
        if (failures > 0)
        {
            console.Warn($"{failures} input(s) could not be read; the others were classified.");
            return ExitCodes.DataError;
        }

        return ExitCodes.Success;
    }

    private static void ClassifyFile(R2PClassifier classifier, string file, IRowWriter rows, bool explain, Progress? progress, CancellationToken token)
    {
        // Streams: paragraphs are read, classified in parallel batches and written as they go, in order.
        // Explaining is for reading results, one paragraph at a time.
        IEnumerable<(SourceParagraph, ParagraphClassification)> results = explain
            ? DocumentReader.ReadParagraphs(file).Select(p => (p, classifier.Explain(p.Text)))
            : classifier.ClassifyStream(DocumentReader.ReadParagraphs(file), p => p.Text, token);
        foreach ((SourceParagraph paragraph, ParagraphClassification result) in results)
        {
            token.ThrowIfCancellationRequested();
            rows.Write(paragraph, result);
            progress?.Step(file);
        }

        rows.EndOfSource(file);
    }

    /// <summary>A one-line progress report on standard error, redrawn at most a few times a second.</summary>
    private sealed class Progress(TextWriter error)
    {
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        private long _count;
        private long _nextDraw;

        public void Step(string file)
        {
            _count++;
            if ((_count & 255) == 0 && _clock.ElapsedMilliseconds >= _nextDraw)
            {
                _nextDraw = _clock.ElapsedMilliseconds + 250;
                double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
                error.Write($"\r{Path.GetFileName(file)}: {_count:N0} paragraphs, {_count / seconds:N0}/s, {seconds:F1} s   ");
            }
        }

        public void Finish()
        {
            double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            error.WriteLine($"\r{_count:N0} paragraphs in {seconds:F1} s ({_count / seconds:N0}/s)                    ");
        }
    }

    /// <summary>JSON Lines is written as UTF-8 bytes: to the writer's own stream when it has one.</summary>
    private static Stream WriterStream(TextWriter writer)
    {
        writer.Flush();
        if (ReferenceEquals(writer, Console.Out))
        {
            return new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        }

        return writer is StreamWriter { BaseStream: var stream } ? new BufferedStream(stream, 1 << 16) : new TextWriterStream(writer);
    }

    /// <summary>Adapts a TextWriter (the console, or a test's StringWriter) to the byte stream Utf8JsonWriter needs.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly System.Text.Decoder _decoder = System.Text.Encoding.UTF8.GetDecoder();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Span<char> chars = buffer.Length <= 1024 ? stackalloc char[buffer.Length] : new char[buffer.Length];
            int n = _decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars[..n]);
        }
    }
}
