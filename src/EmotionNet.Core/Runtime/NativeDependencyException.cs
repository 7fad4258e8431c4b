namespace EmotionNet.Core.Runtime;

/// <summary>A native library (libtorch, OpenCV) could not be loaded; the message names what is missing and the fix.</summary>
public sealed class NativeDependencyException : EmotionNetException
{
    /// <summary>Creates the exception with a message that names what is missing and the fix.</summary>
    public NativeDependencyException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public NativeDependencyException(string message, Exception innerException) : base(message, innerException) { }
}
