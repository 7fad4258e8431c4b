using EmotionNet.Core;

namespace EmotionNet.Training.Engine;

/// <summary>A run was asked to resume, but its folder holds no <c>last.ckpt</c> to resume from.</summary>
public sealed class NothingToResumeException : EmotionNetException
{
    /// <summary>Creates the exception for the missing <paramref name="lastCheckpoint"/>.</summary>
    public NothingToResumeException(string lastCheckpoint)
        : base($"Cannot resume: '{lastCheckpoint}' does not exist. Start a new run (resume: false), or give the output folder of the interrupted run.")
    {
        LastCheckpoint = lastCheckpoint;
    }

    /// <summary>The checkpoint that was looked for.</summary>
    public string LastCheckpoint { get; }
}
