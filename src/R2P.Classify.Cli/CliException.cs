namespace R2P.Classify.Cli;

/// <summary>A usage or input problem the CLI reports as one line, with an exit code.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.DataError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>Exit codes, after BSD sysexits where one fits.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int DataError = 1;       // bad input data, model or file: the message says which
    public const int Usage = 2;           // the command line itself is wrong
    public const int Cancelled = 130;     // Ctrl+C
    public const int InternalError = 70;  // a bug: please report
}
