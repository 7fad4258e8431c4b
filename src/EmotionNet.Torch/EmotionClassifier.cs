using EmotionNet.Core;
using EmotionNet.Core.Checkpoints;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch.Checkpoints;
using EmotionNet.Torch.Imaging;
using EmotionNet.Torch.Models;
using EmotionNet.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace EmotionNet.Torch;

/// <summary>A trained model ready to predict: loaded from a checkpoint, in eval mode, on a device.</summary>
public sealed class EmotionClassifier : IRecurrentEmotionClassifier, IDisposable
{
    private readonly EmotionNetModel model;
    private readonly Device device;
    private readonly bool ownsModel;

    private EmotionClassifier(EmotionNetModel model, CheckpointMetadata metadata, Device device, bool ownsModel)
    {
        this.model = model;
        this.device = device;
        this.ownsModel = ownsModel;
        Classes = ClassSet.FromName(metadata.ClassSet);
        SequenceLength = metadata.SequenceLength;
        Normalization = metadata.Normalization;
        Metadata = metadata;
    }

    /// <summary>Loads a checkpoint file for inference.</summary>
    /// <exception cref="CheckpointException">The file is missing, corrupt or does not fit.</exception>
    public static EmotionClassifier Load(string checkpointPath, DeviceKind device = DeviceKind.Auto)
    {
        NativeRuntime.EnsureTorch();
        var dev = Devices.Resolve(device);
        return Create(Checkpoint.Load(checkpointPath), checkpointPath, dev);
    }

    /// <summary>
    /// Loads the model that ships inside EmotionNet.Torch (see <see cref="ShippedModel"/>): no file, no path.
    /// </summary>
    /// <exception cref="EmotionNetException">This build ships no model.</exception>
    public static EmotionClassifier LoadShipped(DeviceKind device = DeviceKind.Auto)
    {
        NativeRuntime.EnsureTorch();
        var dev = Devices.Resolve(device);
        return Create(ShippedModel.Load(), ShippedModel.SourceName, dev);
    }

    /// <summary>Prepares an already read checkpoint for inference; <paramref name="sourceName"/> names it in errors.</summary>
    /// <exception cref="CheckpointException">The weights do not fit the architecture the checkpoint describes.</exception>
    public static EmotionClassifier Load(Checkpoint checkpoint, string sourceName, DeviceKind device = DeviceKind.Auto)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        NativeRuntime.EnsureTorch();
        return Create(checkpoint, sourceName, Devices.Resolve(device));
    }

    private static EmotionClassifier Create(Checkpoint checkpoint, string sourceName, Device device)
    {
        var model = checkpoint.CreateModel(sourceName);
        model.to(device);
        model.eval();
        return new EmotionClassifier(model, checkpoint.Metadata, device, ownsModel: true);
    }

    /// <summary>
    /// A classifier over an in-memory model already on <paramref name="device"/> (one being trained, say),
    /// described by <paramref name="metadata"/> (classes, normalization, T). The model stays the caller's:
    /// disposing the classifier leaves it alone, and each call runs it in eval mode under no-grad and then
    /// puts back the mode it found, so a training loop can score its model between epochs.
    /// </summary>
    /// <exception cref="EmotionNetException">The metadata names an unknown class set, or one whose size is not the model's output.</exception>
    public static EmotionClassifier Wrap(EmotionNetModel model, CheckpointMetadata metadata, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(device);
        var classes = ClassSet.FromName(metadata.ClassSet);
        if (classes.Count != model.Config.NumClasses)
            throw new EmotionNetException($"The model has {model.Config.NumClasses} outputs but the class set {classes.Name} has {classes.Count} classes.");
        return new EmotionClassifier(model, metadata, device, ownsModel: false);
    }

    /// <inheritdoc />
    public ClassSet Classes { get; }

    /// <inheritdoc />
    public int SequenceLength { get; }

    /// <inheritdoc />
    public InputNormalization Normalization { get; }

    /// <summary>What the checkpoint says of the model (epoch, metrics, training options).</summary>
    public CheckpointMetadata Metadata { get; }

    /// <inheritdoc />
    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
    {
        if (clipCount == 0) return [];
        using var mode = EvalMode();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = FaceTensors.FromFrames(frames, clipCount, SequenceLength, Normalization, device);
        var probabilities = nn.functional.softmax(model.call(input), 1).cpu();
        return probabilities.data<float>().ToArray();
    }

    /// <inheritdoc />
    /// <remarks>
    /// libtorch's thread count is process-wide: every model in the process shares it while the scope lasts
    /// (<see cref="TorchThreads.Use"/>; overlapping scopes restore it correctly). Nothing calls this unless its caller asked for a count.
    /// </remarks>
    public IDisposable UseThreads(int threads) => TorchThreads.Use(threads);

    /// <inheritdoc />
    public int FeatureSize => model.Config.FeatureSize;

    /// <inheritdoc />
    public float[] EncodeFrames(ReadOnlySpan<byte> frames, int frameCount)
    {
        if (frameCount == 0) return [];
        using var mode = EvalMode();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = FaceTensors.FromFrames(frames, frameCount, 1, Normalization, device).reshape(frameCount, 1, FaceImage.Side, FaceImage.Side);
        return model.Encode(input).cpu().data<float>().ToArray();
    }

    /// <inheritdoc />
    public float[] ClassifyFeatures(ReadOnlySpan<float> features, int clipCount)
    {
        if (clipCount == 0) return [];
        var expected = (long)clipCount * SequenceLength * FeatureSize;
        if (features.Length != expected)
            throw new ArgumentException($"Expected {expected} feature values for {clipCount} clip(s) of {SequenceLength} frame(s) x {FeatureSize}, got {features.Length}.", nameof(features));
        using var mode = EvalMode();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var input = tensor(features.ToArray(), [clipCount, SequenceLength, FeatureSize]);
        if (device.type != DeviceType.CPU) input = input.to(device);
        return nn.functional.softmax(model.Classify(input), 1).cpu().data<float>().ToArray();
    }

    /// <inheritdoc />
    public int StateSize => 2 * model.Config.LstmLayers * model.Config.LstmHidden;

    /// <inheritdoc />
    public bool TrainedForStreaming => Metadata.Temporal is not null && !model.Config.Bidirectional;

    /// <inheritdoc />
    public float[] StepStreams(ReadOnlySpan<float> features, Span<float> states, int count)
    {
        if (count == 0) return [];
        if (features.Length != (long)count * FeatureSize)
            throw new ArgumentException($"Expected {count} x {FeatureSize} feature values, got {features.Length}.", nameof(features));
        if (states.Length != (long)count * StateSize)
            throw new ArgumentException($"Expected {count} x {StateSize} state values, got {states.Length}.", nameof(states));
        using var mode = EvalMode();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (layers, hidden) = (model.Config.LstmLayers, model.Config.LstmHidden);
        var input = tensor(features.ToArray(), [count, 1, FeatureSize]).to(device);
        // Streams hold [h (layers x hidden), c (layers x hidden)]; the LSTM wants (layers, streams, hidden) each.
        var packed = tensor(states.ToArray(), [count, 2, layers, hidden]).to(device).permute(1, 2, 0, 3);
        var (logits, h, c) = model.ClassifyEachFrame(input, (packed[0].contiguous(), packed[1].contiguous()));
        stack([h, c]).permute(2, 0, 1, 3).cpu().contiguous().data<float>().CopyTo(states);
        return nn.functional.softmax(logits.squeeze(1), 1).cpu().data<float>().ToArray();
    }

    /// <inheritdoc />
    /// <remarks>A classifier from <see cref="Wrap"/> leaves its model to the caller.</remarks>
    public void Dispose()
    {
        if (ownsModel) model.Dispose();
    }

    /// <summary>
    /// Eval mode for one call of a wrapped model, restored after it; a loaded model is always in eval mode
    /// (nothing to do). Not thread-safe for a wrapped model, as training itself is not.
    /// </summary>
    private ModeScope? EvalMode()
    {
        if (ownsModel || !model.training) return null;
        model.eval();
        return new ModeScope(model);
    }

    private sealed class ModeScope(EmotionNetModel model) : IDisposable
    {
        public void Dispose() => model.train();
    }
}
