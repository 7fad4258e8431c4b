using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Runtime;
using EmotionNet.Training.Augmentation.Temporal;
using EmotionNet.Training.Temporal;

namespace EmotionNet.Cli.Commands;

/// <summary>The flags of <c>emotionnet train-temporal</c>; defaults and help come from the option records.</summary>
internal sealed class TrainTemporalFlags
{
    private static readonly TemporalTrainingOptions Defaults = TemporalTrainingOptions.Default;

    public DataFlags Data { get; } = new();
    public Option<string?> InitFrom { get; } = new("--init-from") { HelpName = "FILE", Description = "The trained model whose LSTM and classifier learn to stream (its encoder stays). Default: the shipped model." };
    public Option<string> Out { get; } = new("--out") { Description = "Run folder for best.ckpt, last.ckpt, epochs.csv and training-curves.png.", DefaultValueFactory = _ => "runs/temporal" };
    public Option<int> Epochs { get; } = FlagParsers.Int("--epochs", Defaults.Epochs, "Passes over the training faces (one clip from each per pass).");
    public Option<int> ClipLength { get; } = FlagParsers.Int("--clip-length", TemporalClipOptions.Default.Length, "Frames per training clip.");
    public Option<double> ChangeProbability { get; } = FlagParsers.Double("--change-probability", TemporalClipOptions.Default.ChangeProbability, "Share of clips whose expression changes part-way.");
    public Option<double> BurstProbability { get; } = FlagParsers.Double("--burst-probability", NuisanceOptions.Default.BurstProbability, "Chance that a burst of corrupted frames starts at a clean frame.");
    public Option<int> Poses { get; } = FlagParsers.Int("--poses", Defaults.PosesPerFace, "Clean poses encoded per face.");
    public Option<int> BatchSize { get; } = FlagParsers.Int("--batch-size", Defaults.BatchSize, "Clips per optimizer step.");
    public Option<double> LearningRate { get; } = FlagParsers.Double("--lr", Defaults.LearningRate, "Adam's peak learning rate (cosine decay).");
    public Option<int> ValidationClips { get; } = FlagParsers.Int("--validation-clips", Defaults.ValidationClips, "PublicTest clips scored after every epoch (0 = none: keep the last epoch).");
    public Option<int> Seed { get; } = FlagParsers.Int("--seed", Defaults.Seed, "Seed of poses, clips, shuffling and dropout.");
    public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", DeviceKind.Auto, "Where to compute");
    public Option<int> Threads { get; } = FlagParsers.Int("--threads", Defaults.Threads, "CPU threads for libtorch during the run (0 = leave libtorch's count as it is: by default all cores).");
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the run in --out from its last.ckpt, with its own recipe; --epochs may extend it." };

    /// <summary>Adds every flag to <paramref name="command"/>, in --help order.</summary>
    public void AddTo(Command command)
    {
        Data.AddTo(command);
        foreach (var option in new Option[] { InitFrom, Out, Epochs, ClipLength, ChangeProbability, BurstProbability, Poses, BatchSize, LearningRate, ValidationClips, Seed, Device, Threads, Resume })
            command.Options.Add(option);
    }
}
