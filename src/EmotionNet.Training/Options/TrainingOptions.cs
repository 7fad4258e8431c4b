using EmotionNet.Core.Options;
using EmotionNet.Core.Runtime;
using EmotionNet.Training.Augmentation;

namespace EmotionNet.Training.Options;

/// <summary>Everything that shapes a training run besides the architecture and the data. Validated once by <see cref="Validate"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training split. Default 30.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Clips per optimizer step. Default 128.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Peak learning rate. Default 0.002.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Decoupled weight decay (AdamW) or L2 (SGD). Default 0.05.</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>The optimizer. Default <see cref="OptimizerKind.AdamW"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>SGD momentum (Nesterov). Default 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Learning-rate schedule. Default <see cref="ScheduleKind.OneCycle"/>.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.OneCycle;

    /// <summary>Share of the steps spent warming up (linear for cosine, the rising phase for one-cycle), in [0, 1). Default 0.1.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>Label smoothing of the cross-entropy, in [0, 1). Default 0.1.</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>Weight the loss by inverse class frequency (helps Disgust, costs some accuracy). Default false.</summary>
    public bool ClassWeights { get; init; }

    /// <summary>
    /// Logit adjustment (Menon et al., 2021): the loss sees <c>logits + tau * log(class prior)</c>, so the
    /// network itself learns scores that do not favour frequent classes, and predicts with plain logits.
    /// 0 turns it off; 1 is the paper's choice. Default 0.
    /// </summary>
    public double LogitAdjustment { get; init; }

    /// <summary>
    /// Decay of an exponential moving average of the weights, in [0, 1); 0 turns it off. With it, validation,
    /// best.ckpt and the final report use the averaged weights. Default 0 (0.999 is a good value at batch 128).
    /// </summary>
    public double WeightAverageDecay { get; init; }

    /// <summary>
    /// Checkpoints whose averaged, flip-averaged predictions the model also learns to match (knowledge
    /// distillation of an ensemble into one network); they need the model's classes and input normalization.
    /// Default none.
    /// </summary>
    public IReadOnlyList<string> Teachers { get; init; } = [];

    /// <summary>Share of the loss that matches the teachers, in [0, 1]; the rest is the labels' cross-entropy. Default 0.5.</summary>
    public double DistillationWeight { get; init; } = 0.5;

    /// <summary>Softmax temperature of distillation (Hinton et al., 2015), in [1, 20]. Default 2.</summary>
    public double DistillationTemperature { get; init; } = 2;

    /// <summary>Clip the gradient norm to this value; 0 turns it off. Default 5.</summary>
    public double GradientClip { get; init; } = 5;

    /// <summary>Stop after this many epochs without a better validation accuracy; 0 turns it off. Default 0.</summary>
    public int EarlyStoppingPatience { get; init; }

    /// <summary>Frames per pseudo-sequence (T); 1 trains the CNN-only baseline. Default 1.</summary>
    public int SequenceLength { get; init; } = 1;

    /// <summary>Arithmetic precision. Default <see cref="Precision.Fp32"/>; bf16 is about twice as fast on CPUs with AVX-512 BF16.</summary>
    public Precision Precision { get; init; } = Precision.Fp32;

    /// <summary>Where to compute. Default <see cref="DeviceKind.Auto"/>.</summary>
    public DeviceKind Device { get; init; } = DeviceKind.Auto;

    /// <summary>CPU threads for libtorch during the run, which is process-wide (restored when the run ends); 0 leaves the count as it is. Default 0.</summary>
    public int Threads { get; init; }

    /// <summary>Seed of weights, shuffling, augmentation and dropout. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Train on a stratified subset of at most this many training clips; null uses all. Default null.</summary>
    public int? MaxTrainRows { get; init; }

    /// <summary>Pseudo-sequence augmentation of training clips. Default: the documented defaults of <see cref="PseudoSequenceOptions"/>.</summary>
    public PseudoSequenceOptions Augmentation { get; init; } = new();

    /// <summary>Validate with test-time flip averaging. Default true.</summary>
    public bool FlipAveraging { get; init; } = true;

    /// <summary>
    /// Start from this checkpoint's weights instead of random ones (same architecture and classes),
    /// e.g. a T = 1 model fine-tuned with longer pseudo-sequences. Default null.
    /// </summary>
    public string? InitialCheckpoint { get; init; }

    /// <summary>Background threads that build augmented batches. Default 1.</summary>
    public int DataWorkers { get; init; } = 1;

    /// <summary>Checks every field; throws an <see cref="OptionsException"/> naming the first out of range.</summary>
    public TrainingOptions Validate()
    {
        var check = new OptionCheck(nameof(TrainingOptions));
        check.Require(Epochs, Epochs is >= 1 and <= 100_000, "must be between 1 and 100000");
        check.Require(BatchSize, BatchSize is >= 1 and <= 65_536, "must be between 1 and 65536");
        check.Require(LearningRate, LearningRate is > 0 and <= 10, "must be a number in (0, 10]");
        check.Require(WeightDecay, WeightDecay is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(Momentum, Momentum is >= 0 and < 1, "must be in [0, 1)");
        check.Require(WarmupFraction, WarmupFraction is >= 0 and < 1, "must be in [0, 1)");
        check.Require(LabelSmoothing, LabelSmoothing is >= 0 and < 1, "must be in [0, 1)");
        check.Require(GradientClip, GradientClip is >= 0 and <= 1e6, "must be in [0, 1000000]");
        check.Require(EarlyStoppingPatience, EarlyStoppingPatience is >= 0 and <= 100_000, "must be between 0 and 100000");
        check.Require(SequenceLength, SequenceLength is >= 1 and <= 64, "must be between 1 and 64");
        check.Require(Threads, Threads is >= 0 and <= 1024, "must be between 0 (unchanged) and 1024");
        check.Require(MaxTrainRows, MaxTrainRows is null or >= 1, "must be at least 1");
        check.Require(DataWorkers, DataWorkers is >= 1 and <= 64, "must be between 1 and 64");
        check.Require(LogitAdjustment, LogitAdjustment is >= 0 and <= 10, "must be in [0, 10]");
        check.Require(WeightAverageDecay, WeightAverageDecay is >= 0 and < 1, "must be in [0, 1)");
        check.Require(Teachers, Teachers is not null && Teachers.All(t => !string.IsNullOrWhiteSpace(t)), "must name checkpoint files");
        check.Require(DistillationWeight, DistillationWeight is >= 0 and <= 1, "must be in [0, 1]");
        check.Require(DistillationTemperature, DistillationTemperature is >= 1 and <= 20, "must be in [1, 20]");
        ArgumentNullException.ThrowIfNull(Augmentation);
        Augmentation.Validate();
        return this;
    }
}
