using EmotionNet.Core;
using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Inference.Recognition;

/// <summary>
/// Streams per-face emotions: keeps each tracked face's last T frames (T = the classifier's sequence
/// length; a new face's clip is padded at the start with its first crop), predicts all faces of a frame
/// in one batch, follows each face's probabilities over time (<see cref="EmotionFollower"/>) and flags uncertain results.
/// With an <see cref="IStreamingEmotionClassifier"/> it keeps each face's last T encoder features instead
/// of its crops: every new crop is encoded once (all faces of a frame in one encoder call) and only the
/// temporal head re-reads the window, so the per-frame cost does not grow with T; the result equals
/// <see cref="IEmotionClassifier.Predict"/> on the same clip. Other classifiers, and any classifier at
/// T = 1 (nothing to reuse), get whole clips through Predict.
/// In <see cref="TemporalMode.Lstm"/> (an <see cref="IRecurrentEmotionClassifier"/>) each face keeps the LSTM's
/// state instead: one encoder call for the frame's crops and one LSTM step, shown as it is.
/// Not thread-safe: one recognizer per stream.
/// </summary>
public sealed class EmotionRecognizer
{
    private readonly IEmotionClassifier classifier;
    private readonly IStreamingEmotionClassifier? streaming;
    private readonly IRecurrentEmotionClassifier? recurrent;
    private readonly Dictionary<int, FaceHistory> histories = [];
    // Grow-only batch buffers: a long stream reuses them instead of allocating per frame.
    private byte[] pixelBatch = [];
    private float[] featureBatch = [];
    private float[] stateBatch = [];

    /// <summary>Creates a recognizer over <paramref name="classifier"/> with <paramref name="options"/> (defaults when null).</summary>
    public EmotionRecognizer(IEmotionClassifier classifier, RecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.SequenceLength < 1) throw new ArgumentException($"The classifier's sequence length must be at least 1 (got {classifier.SequenceLength}).", nameof(classifier));
        this.classifier = classifier;
        // At T = 1 there is nothing to reuse: one Predict call does the same work as encode + head.
        streaming = classifier.SequenceLength > 1 ? classifier as IStreamingEmotionClassifier : null;
        if (streaming is { FeatureSize: < 1 }) throw new ArgumentException($"The classifier's feature size must be at least 1 (got {streaming.FeatureSize}).", nameof(classifier));
        Options = options ?? RecognizerOptions.Default;
        Options.Validate();
        recurrent = ResolveRecurrent(classifier, Options.Temporal);
        if (recurrent is not null) streaming = null;
        Temporal = recurrent is not null ? TemporalMode.Lstm
            : Options.Temporal == TemporalMode.MovingAverage ? TemporalMode.MovingAverage : TemporalMode.Hysteresis;
    }

    /// <summary>How this recognizer follows faces over frames: <see cref="TemporalMode.Auto"/> resolved for its classifier.</summary>
    public TemporalMode Temporal { get; }

    private static IRecurrentEmotionClassifier? ResolveRecurrent(IEmotionClassifier classifier, TemporalMode mode) => mode switch
    {
        TemporalMode.MovingAverage or TemporalMode.Hysteresis => null,
        TemporalMode.Auto => classifier is IRecurrentEmotionClassifier { TrainedForStreaming: true } r ? r : null,
        _ => classifier as IRecurrentEmotionClassifier ?? throw new EmotionNetException(
            $"Following faces with the LSTM needs a classifier that carries an LSTM state from frame to frame; {classifier.GetType().Name} does not.")
        {
            Option = $"{nameof(RecognizerOptions)}.{nameof(RecognizerOptions.Temporal)}",
        },
    };

    /// <summary>The settings in use.</summary>
    public RecognizerOptions Options { get; }

    /// <summary>The classifier underneath.</summary>
    public IEmotionClassifier Classifier => classifier;

    /// <summary>Adds each face's crop to its history and returns one prediction per face, in input order, from a single classifier call (two with a streaming classifier: encoder, then head).</summary>
    public IReadOnlyList<EmotionPrediction> Recognize(IReadOnlyList<FaceInput> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count == 0) return [];
        var faceHistories = new FaceHistory[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            if (face.Pixels.Length != FaceImage.FrameBytes)
                throw new ArgumentException($"Face {face.TrackId} has {face.Pixels.Length} bytes, expected {FaceImage.FrameBytes}.", nameof(faces));
            if (!histories.TryGetValue(face.TrackId, out var history))
                histories[face.TrackId] = history = new FaceHistory(classifier.SequenceLength, streaming?.FeatureSize, recurrent?.StateSize,
                    new EmotionFollower(Temporal, Options, classifier.Classes.Count));
            faceHistories[i] = history;
        }

        var probabilities = recurrent is not null ? PredictStep(recurrent, faces, faceHistories)
            : streaming is null ? PredictClips(faces, faceHistories) : PredictFromFeatures(streaming, faces, faceHistories);
        var classes = classifier.Classes.Count;
        if (probabilities.Length != faces.Count * classes)
            throw new EmotionNetException($"The classifier returned {probabilities.Length} values for {faces.Count} clip(s) of {classes} classes ({classifier.Classes.Name}): its model and class set do not match.");

        var results = new EmotionPrediction[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var shown = new float[classes];
            var label = faceHistories[i].Follower.Follow(probabilities.AsSpan(i * classes, classes), shown);
            results[i] = new EmotionPrediction(faces[i].TrackId, shown, classifier.Classes.Classes[label], shown[label], shown[label] < Options.UncertainBelow);
        }
        return results;
    }

    /// <summary>Drops the history of every face whose id is not in <paramref name="liveTrackIds"/>.</summary>
    public void Retain(IReadOnlyCollection<int> liveTrackIds)
    {
        ArgumentNullException.ThrowIfNull(liveTrackIds);
        foreach (var id in histories.Keys.Where(id => !liveTrackIds.Contains(id)).ToArray()) histories.Remove(id);
    }

    // Whole clips of crops: the classifier re-encodes all T frames of every face.
    private float[] PredictClips(IReadOnlyList<FaceInput> faces, FaceHistory[] faceHistories)
    {
        var clip = classifier.SequenceLength * FaceImage.FrameBytes;
        var batch = Buffer(ref pixelBatch, faces.Count * clip);
        for (var i = 0; i < faces.Count; i++)
        {
            faceHistories[i].Pixels!.Push(faces[i].Pixels.Span);
            faceHistories[i].Pixels!.CopyTo(batch.AsSpan(i * clip, clip));
        }
        return classifier.Predict(batch.AsSpan(0, faces.Count * clip), faces.Count);
    }

    // One encoder call for the frame's new crops, then the head over each face's last T features.
    private float[] PredictFromFeatures(IStreamingEmotionClassifier model, IReadOnlyList<FaceInput> faces, FaceHistory[] faceHistories)
    {
        var crops = Buffer(ref pixelBatch, faces.Count * FaceImage.FrameBytes);
        for (var i = 0; i < faces.Count; i++) faces[i].Pixels.Span.CopyTo(crops.AsSpan(i * FaceImage.FrameBytes));
        var size = model.FeatureSize;
        var features = model.EncodeFrames(crops.AsSpan(0, faces.Count * FaceImage.FrameBytes), faces.Count);
        if (features.Length != faces.Count * size)
            throw new EmotionNetException($"The classifier encoded {faces.Count} frame(s) into {features.Length} values, expected {faces.Count} x {size}.");
        var clip = classifier.SequenceLength * size;
        var batch = Buffer(ref featureBatch, faces.Count * clip);
        for (var i = 0; i < faces.Count; i++)
        {
            faceHistories[i].Features!.Push(features.AsSpan(i * size, size));
            faceHistories[i].Features!.CopyTo(batch.AsSpan(i * clip, clip));
        }
        return model.ClassifyFeatures(batch.AsSpan(0, faces.Count * clip), faces.Count);
    }

    // One encoder call for the frame's new crops, then one LSTM step per face from its carried state.
    private float[] PredictStep(IRecurrentEmotionClassifier model, IReadOnlyList<FaceInput> faces, FaceHistory[] faceHistories)
    {
        var crops = Buffer(ref pixelBatch, faces.Count * FaceImage.FrameBytes);
        for (var i = 0; i < faces.Count; i++) faces[i].Pixels.Span.CopyTo(crops.AsSpan(i * FaceImage.FrameBytes));
        var features = model.EncodeFrames(crops.AsSpan(0, faces.Count * FaceImage.FrameBytes), faces.Count);
        if (features.Length != faces.Count * model.FeatureSize)
            throw new EmotionNetException($"The classifier encoded {faces.Count} frame(s) into {features.Length} values, expected {faces.Count} x {model.FeatureSize}.");
        var size = model.StateSize;
        var states = Buffer(ref stateBatch, faces.Count * size).AsSpan(0, faces.Count * size);
        for (var i = 0; i < faces.Count; i++) faceHistories[i].State!.CopyTo(states.Slice(i * size, size));
        var probabilities = model.StepStreams(features, states, faces.Count);
        for (var i = 0; i < faces.Count; i++) states.Slice(i * size, size).CopyTo(faceHistories[i].State);
        return probabilities;
    }

    private static T[] Buffer<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
        return buffer;
    }

    /// <summary>One face's window (crops or encoder features) or LSTM state, and its follower.</summary>
    private sealed class FaceHistory(int length, int? featureSize, int? stateSize, EmotionFollower follower)
    {
        /// <summary>What is shown for the face, from frame to frame.</summary>
        public EmotionFollower Follower { get; } = follower;

        /// <summary>The LSTM's state after the face's last frame (zero for a new face), in <see cref="TemporalMode.Lstm"/>.</summary>
        public float[]? State { get; } = stateSize is { } n ? new float[n] : null;

        /// <summary>The last T crops, for a classifier that takes whole clips.</summary>
        public SlidingWindow<byte>? Pixels { get; } = featureSize is null && stateSize is null ? new SlidingWindow<byte>(length, FaceImage.FrameBytes) : null;

        /// <summary>The last T encoder features, for a streaming classifier.</summary>
        public SlidingWindow<float>? Features { get; } = featureSize is { } size ? new SlidingWindow<float>(length, size) : null;
    }
}
