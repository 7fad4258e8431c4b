using EmotionNet.Core.IO;
using EmotionNet.Torch.Checkpoints;

namespace EmotionNet.Training.Engine;

/// <summary>The files a training run writes in its output folder, whichever trainer runs it.</summary>
/// <param name="Directory">The run folder.</param>
public sealed record RunFiles(string Directory)
{
    /// <summary>Highest validation accuracy so far (weights only: small, what gets shipped).</summary>
    public string Best => Path.Combine(Directory, "best.ckpt");

    /// <summary>The latest state, with optimizer state, for resume.</summary>
    public string Last => Path.Combine(Directory, "last.ckpt");

    /// <summary>Per-split metrics of the best model (clip classifier runs).</summary>
    public string Metrics => Path.Combine(Directory, "metrics.json");

    /// <summary>Confusion matrix of the best model on the test split (PrivateTest, else PublicTest).</summary>
    public string ConfusionMatrix => Path.Combine(Directory, "confusion-matrix.png");

    /// <summary>Confusion matrix of the best model on the validation split.</summary>
    public string ValidationConfusionMatrix => Path.Combine(Directory, "confusion-matrix-publictest.png");

    /// <summary>Loss and accuracy per epoch.</summary>
    public string Curves => Path.Combine(Directory, "training-curves.png");

    /// <summary>One CSV row per epoch.</summary>
    public string EpochLog => Path.Combine(Directory, "epochs.csv");

    /// <summary>Creates <paramref name="directory"/> and removes what an interrupted write left in it: this run owns the folder now.</summary>
    internal static RunFiles Prepare(string directory, Action<TrainingEvent> report)
    {
        AtomicFile.EnsureDirectory(directory);
        if (AtomicFile.DeleteLeftovers(directory) is > 0 and var leftovers)
            report(new TrainingEvent.Note($"Removed {leftovers} temporary file(s) an interrupted write left in {directory}."));
        return new RunFiles(directory);
    }

    /// <summary>The run's last.ckpt, to resume from.</summary>
    /// <exception cref="NothingToResumeException">There is none.</exception>
    internal static Checkpoint LoadLast(RunFiles files) =>
        File.Exists(files.Last) ? Checkpoint.Load(files.Last) : throw new NothingToResumeException(files.Last);
}
