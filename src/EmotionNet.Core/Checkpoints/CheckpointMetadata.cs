using System.Text.Json.Nodes;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Models;

namespace EmotionNet.Core.Checkpoints;

/// <summary>The self-description stored at the head of a checkpoint (as JSON).</summary>
public sealed record CheckpointMetadata
{
    /// <summary>The model architecture.</summary>
    public required ModelConfig Model { get; init; }

    /// <summary>Name of the class set (<c>fer7</c>, <c>seed6</c>).</summary>
    public required string ClassSet { get; init; }

    /// <summary>The input normalization the model was trained with.</summary>
    public required InputNormalization Normalization { get; init; }

    /// <summary>Frames per clip the model was trained on (T).</summary>
    public required int SequenceLength { get; init; }

    /// <summary>Epochs completed when this was written.</summary>
    public int Epoch { get; init; }

    /// <summary>Optimizer steps completed (the learning-rate schedule's position).</summary>
    public long Step { get; init; }

    /// <summary>The training options, as the trainer wrote them (opaque to Core).</summary>
    public JsonObject? Training { get; init; }

    /// <summary>Metrics at this point (e.g. <c>val_accuracy</c>), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The best validation accuracy seen so far and its epoch (for resume and early stopping).</summary>
    public double BestValidationAccuracy { get; init; }

    /// <summary>Epoch of <see cref="BestValidationAccuracy"/>.</summary>
    public int BestEpoch { get; init; }

    /// <summary>
    /// How the model was trained to follow a stream frame by frame (null: it was not; it classifies clips
    /// of <see cref="SequenceLength"/> frames). Older checkpoints have none.
    /// </summary>
    public TemporalTrainingInfo? Temporal { get; init; }

    /// <summary>Name and shape of every tensor of the model state, checked on load.</summary>
    public IReadOnlyList<TensorShape> Tensors { get; init; } = [];

    /// <summary>When the file was written (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>Name and shape of one state tensor.</summary>
/// <param name="Name">State-dict key, e.g. <c>classifier.weight</c>.</param>
/// <param name="Shape">Dimensions.</param>
public sealed record TensorShape(string Name, long[] Shape);

/// <summary>What a checkpoint records of its stream (temporal) training.</summary>
/// <param name="ClipLength">Frames per training clip.</param>
/// <param name="Epochs">Epochs of temporal training.</param>
/// <param name="Recipe">The clip recipe, as the trainer wrote it (opaque to Core).</param>
public sealed record TemporalTrainingInfo(int ClipLength, int Epochs, JsonObject? Recipe = null);
