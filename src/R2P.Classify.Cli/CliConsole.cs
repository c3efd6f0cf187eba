using R2P.Classify.Training;

namespace R2P.Classify.Cli;

/// <summary>The CLI's writers, and the one place that turns exceptions into one-line messages and exit codes.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public void Warn(string message) => Error.WriteLine($"r2p: {message}");

    /// <summary>Runs a command body; known failures become one line on stderr and a non-zero exit, never a stack trace.</summary>
    public int Guard(Func<CancellationToken, int> body, CancellationToken cancellationToken)
    {
        try
        {
            return body(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Error.WriteLine("r2p: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (CliException e)
        {
            Error.WriteLine($"r2p: error: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is CorpusFormatException or R2PModelException or DocumentReadException or IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"r2p: error: {e.Message}");
            return ExitCodes.DataError;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: report, never show a stack trace unless asked.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error.WriteLine($"r2p: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("R2P_DEBUG") == "1")
            {
                Error.WriteLine(e);
            }

            return ExitCodes.InternalError;
        }
    }
}
