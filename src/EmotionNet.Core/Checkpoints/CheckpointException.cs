namespace EmotionNet.Core.Checkpoints;

/// <summary>A checkpoint file is missing, truncated, corrupt, of another format version, or does not fit its model.</summary>
public sealed class CheckpointException : EmotionNetException
{
    /// <summary>Creates the exception; the message names the file.</summary>
    public CheckpointException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause; the message names the file.</summary>
    public CheckpointException(string message, Exception innerException) : base(message, innerException) { }
}
