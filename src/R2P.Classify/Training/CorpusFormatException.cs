namespace R2P.Classify.Training;

/// <summary>A labeled data file is malformed. The message starts with <c>file:line:column</c>.</summary>
public sealed class CorpusFormatException : Exception
{
    /// <summary>Creates the exception for a position in a file.</summary>
    /// <param name="file">The file's path.</param>
    /// <param name="line">The line, from 1 (0 when the error concerns the whole file).</param>
    /// <param name="column">The column, from 1 (0 when the error concerns the whole line).</param>
    /// <param name="reason">What is wrong and what was expected.</param>
    public CorpusFormatException(string file, int line, int column, string reason)
        : base(Format(file, line, column, reason))
    {
        File = file;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public CorpusFormatException(string message)
        : this("", 0, 0, message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Reason = message;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public CorpusFormatException()
        : this("The labeled data is malformed.")
    {
    }

    /// <summary>The file's path.</summary>
    public string File { get; }

    /// <summary>The line, from 1; 0 when the error concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>The column, from 1; 0 when the error concerns the whole line.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    private static string Format(string file, int line, int column, string reason) =>
        (file, line, column) switch
        {
            ("", _, _) => reason,
            (_, 0, _) => $"{file}: {reason}",
            (_, _, 0) => $"{file}:{line}: {reason}",
            _ => $"{file}:{line}:{column}: {reason}",
        };
}
