namespace R2P.Classify;

/// <summary>
/// A model file could not be used: it is missing, damaged, too large, or was written for another
/// version of the format or of the label set. The message says what is wrong and what to do.
/// </summary>
public sealed class R2PModelException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong with the model and what to do about it.</param>
    public R2PModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong with the model and what to do about it.</param>
    /// <param name="innerException">The underlying error.</param>
    public R2PModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public R2PModelException()
        : base("The model file cannot be used.")
    {
    }
}
