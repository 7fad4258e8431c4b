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

    /// <summary>
    /// The option whose value the error is about, as <c>Record.Field</c> (e.g. <c>TrainingOptions.Teachers</c>
    /// when a teacher checkpoint does not fit the run), or null when it concerns no option. A front end
    /// names its own setting for it (a flag, a configuration key) from this, never from the message.
    /// </summary>
    public string? Option { get; init; }
}
