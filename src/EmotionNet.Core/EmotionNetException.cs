namespace EmotionNet.Core;

/// <summary>
/// Base of every error EmotionNet reports to a user: its message alone says what went wrong and
/// where (file, line, field), so front ends print it without a stack trace.
/// </summary>
public class EmotionNetException : Exception
{
    /// <summary>Creates the exception with a complete, user-facing message.</summary>
    public EmotionNetException(string message) : base(message) { }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public EmotionNetException(string message, Exception innerException) : base(message, innerException) { }
}
