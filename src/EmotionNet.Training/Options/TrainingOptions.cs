using EmotionNet.Augmentation;
using EmotionNet.Runtime;

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

    /// <summary>CPU threads for libtorch; 0 keeps libtorch's default (all cores). Default 0.</summary>
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

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public TrainingOptions Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), "must be at least 1");
        Require(BatchSize >= 1, nameof(BatchSize), "must be at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), "must be a positive number");
        Require(WeightDecay >= 0, nameof(WeightDecay), "must not be negative");
        Require(Momentum is >= 0 and < 1, nameof(Momentum), "must be in [0, 1)");
        Require(WarmupFraction is >= 0 and < 1, nameof(WarmupFraction), "must be in [0, 1)");
        Require(LabelSmoothing is >= 0 and < 1, nameof(LabelSmoothing), "must be in [0, 1)");
        Require(GradientClip >= 0, nameof(GradientClip), "must not be negative");
        Require(EarlyStoppingPatience >= 0, nameof(EarlyStoppingPatience), "must not be negative");
        Require(SequenceLength is >= 1 and <= 64, nameof(SequenceLength), "must be between 1 and 64");
        Require(Threads >= 0, nameof(Threads), "must not be negative");
        Require(MaxTrainRows is null or >= 1, nameof(MaxTrainRows), "must be at least 1");
        Require(DataWorkers >= 1, nameof(DataWorkers), "must be at least 1");
        return this;
    }

    private static void Require(bool ok, string name, string why)
    {
        if (!ok) throw new ArgumentException($"{name} {why}.", name);
    }
}
