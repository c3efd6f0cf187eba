namespace R2P.Classify;

/// <summary>An input could not be read. The message names the input and the reason.</summary>
public sealed class DocumentReadException : Exception
{
    /// <summary>Creates the exception for an input.</summary>
    /// <param name="source">The file (or <c>-</c>).</param>
    /// <param name="reason">Why it could not be read.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DocumentReadException(string source, string reason, Exception? innerException = null)
        : base($"{source}: {reason}", innerException)
    {
        Input = source;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public DocumentReadException(string message)
        : this("", message)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DocumentReadException()
        : this("", "the input cannot be read")
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public DocumentReadException(string message, Exception innerException)
        : this("", message, innerException)
    {
    }

    /// <summary>The input that failed.</summary>
    public string Input { get; }

    /// <summary>Why it failed, without the input's name.</summary>
    public string Reason { get; }
}
