using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;
using EmotionNet.Core.Options;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Models;
using EmotionNet.Training.Options;
using EmotionNet.Training.Reporting;
using TorchSharp.Modules;

namespace EmotionNet.Training.Engine;

/// <summary>Checkpoints of a training run: what goes into them, and how a run resumes from one.</summary>
internal static class RunCheckpoints
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // A run without a validation split has NaN validation figures in its history: kept as "NaN", not refused.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The last epoch's figures; validation ones only when the run had a validation split (no made-up zeros).</summary>
    private static Dictionary<string, double> LastMetrics(EpochRecord? last)
    {
        var metrics = new Dictionary<string, double>();
        if (last is null) return metrics;
        metrics["train_loss"] = last.TrainLoss;
        metrics["train_accuracy"] = last.TrainAccuracy;
        if (double.IsFinite(last.ValidationAccuracy))
        {
            metrics["val_loss"] = last.ValidationLoss;
            metrics["val_accuracy"] = last.ValidationAccuracy;
            metrics["val_macro_f1"] = last.ValidationMacroF1;
        }
        return metrics;
    }

    /// <summary>Writes a checkpoint with the run's options and state; with an optimizer (and the weight average, if the run keeps one) it can be resumed from.</summary>
    public static void Save(string path, EmotionNetModel model, OptimizerHelper? optimizer, EmotionNetModel? averaged, ClassSet classes, InputNormalization normalization,
        TrainingOptions run, TrainingState state)
    {
        var last = state.History.Count > 0 ? state.History[^1] : null;
        var metadata = new CheckpointMetadata
        {
            Model = model.Config,
            ClassSet = classes.Name,
            Normalization = normalization,
            SequenceLength = run.SequenceLength,
            Epoch = state.CompletedEpochs,
            Step = state.Step,
            BestValidationAccuracy = Math.Max(0, state.BestAccuracy),
            BestEpoch = state.BestEpoch,
            Metrics = LastMetrics(last),
            Training = new JsonObject
            {
                ["options"] = JsonSerializer.SerializeToNode(run, Json),
                ["state"] = JsonSerializer.SerializeToNode(state, Json),
            },
        };
        Checkpoint.Capture(model, metadata, optimizer, averaged).Save(path);
    }

    /// <summary>
    /// The options, architecture, state and checkpoint to continue the run in <paramref name="files"/> from.
    /// The recipe is the run's own; where it runs (device, threads, data workers) and how many epochs
    /// (never fewer than planned) come from <paramref name="current"/>, so a run can move machines.
    /// </summary>
    public static (TrainingOptions Run, ModelConfig Config, TrainingState State, Checkpoint Checkpoint) LoadResumePoint(RunFiles files, TrainingOptions current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (!File.Exists(files.Last))
            throw new NothingToResumeException(files.Last);
        var checkpoint = Checkpoint.Load(files.Last);
        var training = checkpoint.Metadata.Training
            ?? throw new CheckpointException($"Checkpoint '{files.Last}' has no training state, so training cannot resume from it.");
        try
        {
            var run = training["options"].Deserialize<TrainingOptions>(Json)!.Validate();
            var state = training["state"].Deserialize<TrainingState>(Json)!;
            run = run with
            {
                Epochs = Math.Max(run.Epochs, current.Epochs),
                Device = current.Device,
                Threads = current.Threads,
                DataWorkers = current.DataWorkers,
            };
            return (run, checkpoint.Metadata.Model, state, checkpoint);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NullReferenceException or OptionsException)
        {
            // Options read from a file are the file's fault, not the caller's: a CheckpointException, which names no option.
            throw new CheckpointException($"Checkpoint '{files.Last}' has an unreadable training state: {e.Message}", e);
        }
    }

    /// <summary>Whether two configurations describe the same architecture (records holding lists compare by reference).</summary>
    public static bool SameArchitecture(ModelConfig a, ModelConfig b) => Describe(a) == Describe(b);

    /// <summary>The configuration as compact JSON, for comparisons and messages.</summary>
    public static string Describe(ModelConfig config) => JsonSerializer.Serialize(config, Json);
}
