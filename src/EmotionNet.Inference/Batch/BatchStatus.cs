namespace EmotionNet.Inference.Batch;

/// <summary>Where an input of a batch stands.</summary>
public enum BatchStatus
{
    /// <summary>Analyzed; its folder holds every output and <see cref="BatchFiles.Done"/>.</summary>
    Done,

    /// <summary>Could not be analyzed (unreadable, no frames); its folder holds only <see cref="BatchFiles.Error"/>.</summary>
    Failed,

    /// <summary>Not analyzed yet (the run was stopped, or its shard did not finish).</summary>
    Pending,
}
