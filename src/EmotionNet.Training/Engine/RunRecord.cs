using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Reporting;

namespace EmotionNet.Training.Engine;

/// <summary>
/// What a checkpoint's <see cref="CheckpointMetadata.Training"/> block says of the run that wrote it, in one
/// versioned layout for both trainers: <c>{ "version": 2, "kind": "clip" | "temporal", "options": ..., "state": ...,
/// "base": ... }</c>, where <c>options</c> is the run's recipe (<c>TrainingOptions</c> or <c>TemporalTrainingOptions</c>),
/// <c>state</c> where it stands (<see cref="TrainingState"/>) and <c>base</c>, for temporal training, the record of
/// the model it started from. Blocks written before the version was (version 1) still read: the clip trainer's
/// <c>{ options, state }</c> and the temporal trainer's <c>{ base, temporal: { bestEpoch, bestAccuracy, history } }</c>
/// with its recipe in <see cref="TemporalTrainingInfo.Recipe"/>.
/// </summary>
internal sealed record RunRecord(string Kind, JsonNode? Options, TrainingState State, JsonNode? Base, int Version = RunRecord.CurrentVersion)
{
    /// <summary>The layout this build writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The clip trainer's kind.</summary>
    public const string Clip = "clip";

    /// <summary>Temporal training's kind.</summary>
    public const string Temporal = "temporal";

    /// <summary>How options and state are written: camelCase, enums by name, NaN figures kept (a run without validation has them).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The record as the checkpoint's Training block.</summary>
    public JsonObject ToJson() => new()
    {
        ["version"] = CurrentVersion,
        ["kind"] = Kind,
        ["options"] = Options?.DeepClone(),
        ["state"] = JsonSerializer.SerializeToNode(State, Json),
        ["base"] = Base?.DeepClone(),
    };

    /// <summary>The options as <typeparamref name="T"/>, validated.</summary>
    /// <exception cref="CheckpointException">They are missing, unreadable or out of range (the file's fault, so no option is named as the caller's).</exception>
    public T ReadOptions<T>(string source, Func<T, T> validate) where T : class
    {
        try
        {
            var options = Options.Deserialize<T>(Json) ?? throw new JsonException("no training options");
            return validate(options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NullReferenceException or Core.EmotionNetException and not CheckpointException)
        {
            throw new CheckpointException($"Checkpoint '{source}' has unreadable training options: {e.Message}", e);
        }
    }

    /// <summary>Reads the run record of <paramref name="metadata"/> (from <paramref name="source"/>, named in errors), in any layout this build knows.</summary>
    /// <exception cref="CheckpointException">There is none, it is damaged, or a newer EmotionNet wrote it.</exception>
    public static RunRecord Read(CheckpointMetadata metadata, string source)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var training = metadata.Training ?? throw new CheckpointException($"Checkpoint '{source}' has no training state, so training cannot resume from it.");
        try
        {
            if (training["version"] is { } version)
            {
                var number = version.GetValue<int>();
                if (number > CurrentVersion)
                    throw new CheckpointException($"Checkpoint '{source}' has a training record of version {number}; this EmotionNet reads versions 1 to {CurrentVersion}.");
                return new RunRecord(training["kind"]?.GetValue<string>() ?? throw new JsonException("no kind"), training["options"],
                    training["state"].Deserialize<TrainingState>(Json) ?? throw new JsonException("no state"), training["base"], number);
            }
            if (training["temporal"] is JsonObject temporal) return ReadTemporalVersion1(metadata, temporal, training["base"]);
            return new RunRecord(Clip, training["options"], training["state"].Deserialize<TrainingState>(Json) ?? throw new JsonException("no state"), null, 1);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new CheckpointException($"Checkpoint '{source}' has an unreadable training state: {e.Message}", e);
        }
    }

    // Temporal training before the common record: no step (the trainer derives it from the epochs), no schedule,
    // a history of per-frame figures without loss, F1, rate or speed (NaN: not recorded), the recipe in Temporal.Recipe.
    private static RunRecord ReadTemporalVersion1(CheckpointMetadata metadata, JsonObject temporal, JsonNode? baseRecord)
    {
        var history = temporal["history"]?.AsArray().Select(node => new EpochRecord(
            node!["epoch"]!.GetValue<int>(), Number(node["trainLoss"]), Number(node["trainAccuracy"]), double.NaN,
            Number(node["validationAccuracy"]), double.NaN, double.NaN, Number(node["seconds"]), double.NaN)
        {
            Extra = new Dictionary<string, double> { [EmotionNet.Training.Temporal.TemporalTrainer.CorruptedFrameAccuracy] = Number(node["validationCorruptedAccuracy"]) },
        }).ToArray() ?? [];
        var state = new TrainingState
        {
            CompletedEpochs = metadata.Temporal?.Epochs ?? history.Length,
            BestEpoch = temporal["bestEpoch"]?.GetValue<int>() ?? 0,
            BestAccuracy = temporal["bestAccuracy"] is { } best ? best.GetValue<double>() : -1,
            History = history,
        };
        return new RunRecord(Temporal, metadata.Temporal?.Recipe, state, baseRecord, 1);
    }

    private static double Number(JsonNode? node) => node is null ? double.NaN
        : node.GetValueKind() == JsonValueKind.String ? double.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : node.GetValue<double>();
}
