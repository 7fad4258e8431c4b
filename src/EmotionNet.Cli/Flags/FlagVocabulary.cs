using EmotionNet.Core;
using EmotionNet.Core.Options;

namespace EmotionNet.Cli.Flags;

/// <summary>
/// The libraries speak of option records (<c>TrainingOptions.BatchSize</c>); a command-line user has flags.
/// This is the one table from the first to the second: an error that concerns an option carries it as data
/// (<see cref="EmotionNetException.Option"/>), and <see cref="Describe"/> words it with the flag.
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
        ["TemporalTrainingOptions.Seed"] = "--seed",
        ["TemporalTrainingOptions.Device"] = "--device",
        ["TemporalTrainingOptions.Threads"] = "--threads",
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
        ["EmotionNetServerOptions.ClassifierInstances"] = "--model-instances",
        ["EmotionNetServerOptions.ApiKey"] = "--api-key",
        ["EmotionNetServerOptions.JobsDirectory"] = "--jobs",
        ["EmotionNetLimits.MaxImageBytes"] = "--max-image-bytes",
        ["EmotionNetLimits.MaxImagePixels"] = "--max-image-pixels",
        ["EmotionNetLimits.MaxVideoBytes"] = "--max-video-bytes",
        ["EmotionNetLimits.MaxVideoSeconds"] = "--max-video-seconds",
        ["EmotionNetLimits.MaxConcurrentAnalyses"] = "--max-concurrent",
        ["EmotionNetLimits.MaxStreams"] = "--max-streams",
        ["EmotionNetLimits.RequestsPerSecond"] = "--rate",
        ["EmotionNetLimits.RequestTimeout"] = "--request-timeout",
    };

    /// <summary>The flag for an option field (<c>Record.Field</c>), or null when no flag sets it (or there is no option).</summary>
    public static string? FlagFor(string? option) => option is null ? null : Flags.GetValueOrDefault(option);

    /// <summary>
    /// The command-line wording of <paramref name="error"/> when a flag sets the option it is about
    /// (<see cref="EmotionNetException.Option"/>), or null when none does: for a value out of range the flag and
    /// the rule (<c>--batch-size must be between 1 and 65536 (got 0).</c>), otherwise the flag, then the library's
    /// message. Built from the exception's data; the library's sentences are never edited.
    /// </summary>
    public static string? Describe(EmotionNetException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (FlagFor(error.Option) is not { } flag) return null;
        return error is OptionsException range ? $"{flag} {range.Rule} (got {range.ShownValue})." : $"{flag}: {error.Message}";
    }
}
