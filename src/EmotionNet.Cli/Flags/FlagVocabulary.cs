namespace EmotionNet.Cli.Flags;

/// <summary>
/// The libraries speak of option records and APIs (<c>TrainingOptions.BatchSize</c>, "resume: false");
/// a command-line user has flags. This is the one table that translates the first into the second,
/// for validation errors and for any library message the CLI prints.
/// </summary>
internal static class FlagVocabulary
{
    /// <summary>Option fields (<c>Record.Field</c>) and the flag that sets each.</summary>
    public static IReadOnlyDictionary<string, string> Flags { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TrainingOptions.Epochs"] = "--epochs",
        ["TemporalTrainingOptions.Epochs"] = "--epochs",
        ["TemporalTrainingOptions.BatchSize"] = "--batch-size",
        ["TemporalTrainingOptions.LearningRate"] = "--lr",
        ["TemporalTrainingOptions.PosesPerFace"] = "--poses",
        ["TemporalTrainingOptions.ValidationClips"] = "--validation-clips",
        ["TemporalClipOptions.Length"] = "--clip-length",
        ["TemporalClipOptions.ChangeProbability"] = "--change-probability",
        ["NuisanceOptions.BurstProbability"] = "--burst-probability",
        ["TrainingOptions.BatchSize"] = "--batch-size",
        ["TrainingOptions.LearningRate"] = "--lr",
        ["TrainingOptions.WeightDecay"] = "--weight-decay",
        ["TrainingOptions.Optimizer"] = "--optimizer",
        ["TrainingOptions.Momentum"] = "--momentum",
        ["TrainingOptions.Schedule"] = "--schedule",
        ["TrainingOptions.WarmupFraction"] = "--warmup",
        ["TrainingOptions.LabelSmoothing"] = "--label-smoothing",
        ["TrainingOptions.GradientClip"] = "--grad-clip",
        ["TrainingOptions.EarlyStoppingPatience"] = "--patience",
        ["TrainingOptions.SequenceLength"] = "--seq-len",
        ["TrainingOptions.Precision"] = "--precision",
        ["TrainingOptions.Device"] = "--device",
        ["TrainingOptions.Threads"] = "--threads",
        ["TrainingOptions.Seed"] = "--seed",
        ["TrainingOptions.MaxTrainRows"] = "--max-train-rows",
        ["TrainingOptions.InitialCheckpoint"] = "--init-from",
        ["TrainingOptions.DataWorkers"] = "--workers",
        ["TrainingOptions.LogitAdjustment"] = "--logit-adjustment",
        ["TrainingOptions.WeightAverageDecay"] = "--weight-average",
        ["TrainingOptions.Teachers"] = "--teachers",
        ["TrainingOptions.DistillationWeight"] = "--distill-weight",
        ["TrainingOptions.DistillationTemperature"] = "--distill-temperature",
        ["PseudoSequenceOptions.BlurProbability"] = "--blur",
        ["PseudoSequenceOptions.LowResolutionProbability"] = "--low-res",
        ["PseudoSequenceOptions.JpegProbability"] = "--jpeg",
        ["PseudoSequenceOptions.LowContrastProbability"] = "--low-contrast",
        ["PseudoSequenceOptions.MaxScale"] = "--max-scale",
        ["ModelConfig.ConvWidths"] = "--conv-widths",
        ["ModelConfig.ConvsPerBlock"] = "--convs-per-block",
        ["ModelConfig.Activation"] = "--activation",
        ["ModelConfig.Dropout"] = "--dropout",
        ["ModelConfig.LstmHidden"] = "--lstm-hidden",
        ["ModelConfig.LstmLayers"] = "--lstm-layers",
        ["ModelConfig.Pooling"] = "--pooling",
        ["EvaluationOptions.BatchSize"] = "--batch-size",
        ["EvaluationOptions.Split"] = "--split",
        ["AnalyzerOptions.Every"] = "--every",
        ["AnalyzerOptions.DetectEvery"] = "--detect-every",
        ["AnalyzerOptions.MaxFrames"] = "--max-frames",
        ["AnalyzerOptions.ModelThreads"] = "--model-threads",
        ["AnalyzerOptions.MaxImagePixels"] = "--max-pixels",
        ["RecognizerOptions.Smoothing"] = "--smoothing",
        ["RecognizerOptions.UncertainBelow"] = "--uncertain-below",
        ["RecognizerOptions.Temporal"] = "--temporal",
        ["RecognizerOptions.SwitchMargin"] = "--switch-margin",
        ["RecognizerOptions.SwitchFrames"] = "--switch-frames",
        ["SegmentOptions.GapSeconds"] = "--segment-gap",
        ["DetectorOptions.ModelPath"] = "--detector-model",
    };

    /// <summary>Library phrases about APIs, and what a command-line user is told instead.</summary>
    private static readonly (string Library, string Cli)[] Phrases =
    [
        ("Start a new run (resume: false), or give the output folder of the interrupted run.", "Start without --resume, or point --out at the folder of the interrupted run."),
        ("than the ModelConfig asked for; give the same architecture.", "than the model flags ask for; pass the same model flags."),
        ("RecognizerOptions.Temporal is Lstm, but", "--temporal lstm was asked for, but"),
        ("frame to frame; use Hysteresis or MovingAverage.", "frame to frame; use --temporal hysteresis, average or auto."),
        ("Load a checkpoint file (EmotionClassifier.Load), or train one.", "Pass --checkpoint <file>, or train one with 'emotionnet train'."),
        ("Use DeviceKind.Cpu (or Auto), or reference a CUDA libtorch (TorchSharp-cuda-linux / -windows, or -p:TorchBackend=cuda-linux when building EmotionNet) on a machine with an NVIDIA GPU.",
            "Use --device cpu (or auto), or build with -p:TorchBackend=cuda-linux / cuda-windows on a machine with an NVIDIA GPU."),
    ];

    /// <summary>The flag for an option field, or null when no flag sets it.</summary>
    public static string? FlagFor(string option) => Flags.GetValueOrDefault(option);

    /// <summary><paramref name="message"/> with option fields and API phrases replaced by their flags.</summary>
    public static string Rewrite(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var (library, cli) in Phrases) message = message.Replace(library, cli, StringComparison.Ordinal);
        // Longest names first, so TrainingOptions.Seed cannot replace part of a longer field name.
        foreach (var (option, flag) in Flags.OrderByDescending(f => f.Key.Length)) message = message.Replace(option, flag, StringComparison.Ordinal);
        return message;
    }
}
