using System.CommandLine;
using EmotionNet.Cli.Flags;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Models;
using EmotionNet.Core.Runtime;
using EmotionNet.Training.Options;

namespace EmotionNet.Cli.Commands;

/// <summary>The flags of <c>emotionnet train</c>; defaults and help come from the option records.</summary>
internal sealed class TrainFlags
{
    private static readonly TrainingOptions Defaults = new();
    private static readonly ModelConfig Model = new();

    public DataFlags Data { get; } = new();
    public Option<string> Out { get; } = new("--out") { Description = "Run folder for checkpoints, metrics.json, plots and epochs.csv.", DefaultValueFactory = _ => "runs/train" };
    public Option<int> Epochs { get; } = FlagParsers.Int("--epochs", Defaults.Epochs, "Passes over the training split.");
    public Option<int> BatchSize { get; } = FlagParsers.Int("--batch-size", Defaults.BatchSize, "Clips per optimizer step (16 on the embedded sample unless given).");
    public Option<double> LearningRate { get; } = FlagParsers.Double("--lr", Defaults.LearningRate, "Peak learning rate.");
    public Option<double> WeightDecay { get; } = FlagParsers.Double("--weight-decay", Defaults.WeightDecay, "Weight decay (decoupled for AdamW).");
    public Option<int> SequenceLength { get; } = FlagParsers.Int("--seq-len", Defaults.SequenceLength, "Frames per pseudo-sequence (T); 1 trains the CNN-only baseline.");
    public Option<int[]> ConvWidths { get; } = FlagParsers.IntList("--conv-widths", Model.ConvWidths.ToArray(), "Output channels of each conv block (each halves the resolution).");
    public Option<int> ConvsPerBlock { get; } = FlagParsers.Int("--convs-per-block", Model.ConvsPerBlock, "3x3 convolutions per block.");
    public Option<int> LstmHidden { get; } = FlagParsers.Int("--lstm-hidden", Model.LstmHidden, "LSTM hidden size.");
    public Option<int> LstmLayers { get; } = FlagParsers.Int("--lstm-layers", Model.LstmLayers, "Stacked LSTM layers.");
    public Option<bool> Bidirectional { get; } = new("--bidirectional") { Description = "Bidirectional LSTM." };
    public Option<TemporalPooling> Pooling { get; } = FlagParsers.Choice("--pooling", Model.Pooling, "How LSTM outputs over time become one vector");
    public Option<Activation> Activation { get; } = FlagParsers.Choice("--activation", Model.Activation, "Activation of the conv stack");
    public Option<double> Dropout { get; } = FlagParsers.Double("--dropout", Model.Dropout, "Dropout on frame features and before the classifier.");
    public Option<double> LabelSmoothing { get; } = FlagParsers.Double("--label-smoothing", Defaults.LabelSmoothing, "Label smoothing of the loss.");
    public Option<OptimizerKind> Optimizer { get; } = FlagParsers.Choice("--optimizer", Defaults.Optimizer, "Optimizer");
    public Option<double> Momentum { get; } = FlagParsers.Double("--momentum", Defaults.Momentum, "SGD momentum (Nesterov).");
    public Option<ScheduleKind> Schedule { get; } = FlagParsers.Choice("--schedule", Defaults.Schedule, "Learning-rate schedule");
    public Option<double> Warmup { get; } = FlagParsers.Double("--warmup", Defaults.WarmupFraction, "Share of steps spent warming up.");
    public Option<double> GradientClip { get; } = FlagParsers.Double("--grad-clip", Defaults.GradientClip, "Clip the gradient norm (0 = off).");
    public Option<bool> ClassWeights { get; } = new("--class-weights") { Description = "Weight the loss by inverse class frequency." };
    public Option<int> Patience { get; } = FlagParsers.Int("--patience", Defaults.EarlyStoppingPatience, "Early stopping: epochs without a better PublicTest accuracy (0 = off).");
    public Option<string> Classes { get; } = ClassesFlag();
    public Option<DeviceKind> Device { get; } = FlagParsers.Choice("--device", Defaults.Device, "Where to compute");
    public Option<int> Threads { get; } = FlagParsers.Int("--threads", Defaults.Threads, "CPU threads for libtorch during the run (0 = leave libtorch's count as it is: by default all cores).");
    public Option<int> Workers { get; } = FlagParsers.Int("--workers", Defaults.DataWorkers, "Threads that build augmented batches.");
    public Option<int> Seed { get; } = FlagParsers.Int("--seed", Defaults.Seed, "Seed of weights, shuffling, augmentation and dropout.");
    public Option<int> MaxTrainRows { get; } = FlagParsers.Int("--max-train-rows", 0, "Train on a stratified subset of this many training clips (0 = all).");
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the interrupted run in --out from its last checkpoint (its recipe wins; --epochs may extend it; --threads, --workers and --device are this invocation's)." };
    public Option<string?> InitFrom { get; } = new("--init-from") { Description = "Start from this checkpoint's weights (same architecture), e.g. a --seq-len 1 model to fine-tune at T > 1." };
    public Option<Precision> Precision { get; } = FlagParsers.Choice("--precision", Defaults.Precision, "Arithmetic: fp32, or bf16 mixed precision (fp32 master weights)");
    public Option<bool> NoFlipAveraging { get; } = new("--no-flip-averaging") { Description = "Validate without averaging each face with its mirror image." };
    public Option<double> LogitAdjustment { get; } = FlagParsers.Double("--logit-adjustment", Defaults.LogitAdjustment, "Logit-adjusted loss: tau of tau * log(class prior) added to the logits in the loss (0 = off, 1 = the paper's), for balanced class recall.");
    public Option<double> WeightAverage { get; } = FlagParsers.Double("--weight-average", Defaults.WeightAverageDecay, "Decay of an exponential moving average of the weights that validation and best.ckpt use (0 = off; 0.999 is typical).");
    public Option<string[]> Teachers { get; } = new("--teachers") { Description = "Checkpoints to distill: the model also learns their averaged, flip-averaged predictions.", AllowMultipleArgumentsPerToken = true };
    public Option<double> DistillationWeight { get; } = FlagParsers.Double("--distill-weight", Defaults.DistillationWeight, "Share of the loss that matches the teachers.");
    public Option<double> DistillationTemperature { get; } = FlagParsers.Double("--distill-temperature", Defaults.DistillationTemperature, "Softmax temperature of distillation.");
    public Option<bool> StretchContrast { get; } = new("--stretch-contrast") { Description = "The model sees every face stretched to the full 0-255 grey range (as FER2013's faces are stored), at training and at inference." };
    public Option<AugmentationRecipe> Augment { get; } = FlagParsers.Choice("--augment",
        "Augmentation recipe: fer2013 (moves and re-lights faces), or real-photos (also blur, low resolution, JPEG artefacts, low contrast, wider zoom)",
        AugmentationRecipe.Fer2013, ("fer2013", AugmentationRecipe.Fer2013), ("real-photos", AugmentationRecipe.RealPhotos));
    public Option<double?> Blur { get; } = FlagParsers.OptionalDouble("--blur", "Probability that a training clip is blurred (overrides the recipe's).");
    public Option<double?> LowResolution { get; } = FlagParsers.OptionalDouble("--low-res", "Probability that a training clip is seen at a lower resolution (overrides the recipe's).");
    public Option<double?> Jpeg { get; } = FlagParsers.OptionalDouble("--jpeg", "Probability that a training clip carries JPEG artefacts (overrides the recipe's).");
    public Option<double?> LowContrast { get; } = FlagParsers.OptionalDouble("--low-contrast", "Probability that a training clip's contrast is reduced (overrides the recipe's).");
    public Option<double?> MaxScale { get; } = FlagParsers.OptionalDouble("--max-scale", "Largest zoom of a training clip, as a fraction (overrides the recipe's).");

    /// <summary>Adds every flag to <paramref name="command"/>, in --help order.</summary>
    public void AddTo(Command command)
    {
        Data.AddTo(command);
        foreach (var option in new Option[] { Out, Epochs, BatchSize, LearningRate, WeightDecay, SequenceLength, ConvWidths, ConvsPerBlock, LstmHidden, LstmLayers,
                     Bidirectional, Pooling, Activation, Dropout, LabelSmoothing, Optimizer, Momentum, Schedule, Warmup, GradientClip, ClassWeights, Patience,
                     Classes, Device, Threads, Workers, Seed, MaxTrainRows, Resume, InitFrom, Precision, NoFlipAveraging,
                     LogitAdjustment, WeightAverage, Teachers, DistillationWeight, DistillationTemperature, StretchContrast,
                     Augment, Blur, LowResolution, Jpeg, LowContrast, MaxScale })
            command.Options.Add(option);
    }

    private static Option<string> ClassesFlag()
    {
        var option = new Option<string>("--classes") { Description = "Class set: fer7 (the FER2013 seven) or seed6 (without Disgust).", DefaultValueFactory = _ => ClassSet.Fer7.Name };
        option.AcceptOnlyFromAmong([.. ClassSet.All.Select(c => c.Name)]);
        return option;
    }
}
