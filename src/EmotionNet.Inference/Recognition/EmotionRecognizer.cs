using EmotionNet.Imaging;
using EmotionNet.Models;

namespace EmotionNet.Inference.Recognition;

/// <summary>
/// Streams per-face emotions: keeps each tracked face's last T crops (T = the classifier's sequence
/// length; a new face's clip is padded at the start with its first crop), predicts all faces of a frame
/// in one batch, smooths each face's probabilities over time and flags uncertain results.
/// Not thread-safe: one recognizer per stream.
/// </summary>
public sealed class EmotionRecognizer
{
    private readonly IEmotionClassifier classifier;
    private readonly Dictionary<int, FaceHistory> histories = [];

    /// <summary>Creates a recognizer over <paramref name="classifier"/> with <paramref name="options"/> (defaults when null).</summary>
    public EmotionRecognizer(IEmotionClassifier classifier, RecognizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        if (classifier.SequenceLength < 1) throw new ArgumentException($"The classifier's sequence length must be at least 1 (got {classifier.SequenceLength}).", nameof(classifier));
        this.classifier = classifier;
        Options = options ?? RecognizerOptions.Default;
        Options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public RecognizerOptions Options { get; }

    /// <summary>The classifier underneath.</summary>
    public IEmotionClassifier Classifier => classifier;

    /// <summary>Adds each face's crop to its history and returns one prediction per face, in input order, from a single classifier call.</summary>
    public IReadOnlyList<EmotionPrediction> Recognize(IReadOnlyList<FaceInput> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count == 0) return [];
        var t = classifier.SequenceLength;
        var clip = t * FaceImage.FrameBytes;
        var batch = new byte[faces.Count * clip];
        var faceHistories = new FaceHistory[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var face = faces[i];
            if (face.Pixels.Length != FaceImage.FrameBytes)
                throw new ArgumentException($"Face {face.TrackId} has {face.Pixels.Length} bytes, expected {FaceImage.FrameBytes}.", nameof(faces));
            if (!histories.TryGetValue(face.TrackId, out var history))
                histories[face.TrackId] = history = new FaceHistory(t);
            history.Push(face.Pixels.Span);
            history.CopyClip(batch.AsSpan(i * clip, clip));
            faceHistories[i] = history;
        }

        var probabilities = classifier.Predict(batch, faces.Count);
        var classes = classifier.Classes.Count;
        if (probabilities.Length != faces.Count * classes)
            throw new EmotionNetException($"The classifier returned {probabilities.Length} values for {faces.Count} clip(s) of {classes} classes ({classifier.Classes.Name}): its model and class set do not match.");

        var results = new EmotionPrediction[faces.Count];
        for (var i = 0; i < faces.Count; i++)
        {
            var smoothed = faceHistories[i].Smooth(probabilities.AsSpan(i * classes, classes), (float)Options.Smoothing);
            var best = 0;
            for (var c = 1; c < classes; c++) if (smoothed[c] > smoothed[best]) best = c;
            results[i] = new EmotionPrediction(faces[i].TrackId, smoothed, classifier.Classes.Classes[best], smoothed[best], smoothed[best] < Options.UncertainBelow);
        }
        return results;
    }

    /// <summary>Drops the history of every face whose id is not in <paramref name="liveTrackIds"/>.</summary>
    public void Retain(IReadOnlyCollection<int> liveTrackIds)
    {
        ArgumentNullException.ThrowIfNull(liveTrackIds);
        foreach (var id in histories.Keys.Where(id => !liveTrackIds.Contains(id)).ToArray()) histories.Remove(id);
    }

    /// <summary>One face's last T crops (a ring) and its smoothed probabilities.</summary>
    private sealed class FaceHistory(int length)
    {
        private readonly byte[] frames = new byte[length * FaceImage.FrameBytes];
        private int count;
        private int next;
        private float[]? smoothed;

        public void Push(ReadOnlySpan<byte> face)
        {
            if (count == 0)
            {
                // Pad the clip with the first frame, as training pads short sequences.
                for (var i = 0; i < length; i++) face.CopyTo(frames.AsSpan(i * FaceImage.FrameBytes));
                count = length;
                next = 0;
                return;
            }
            face.CopyTo(frames.AsSpan(next * FaceImage.FrameBytes));
            next = (next + 1) % length;
        }

        /// <summary>Copies the clip oldest frame first.</summary>
        public void CopyClip(Span<byte> destination)
        {
            for (var i = 0; i < length; i++)
            {
                var slot = (next + i) % length;
                frames.AsSpan(slot * FaceImage.FrameBytes, FaceImage.FrameBytes).CopyTo(destination.Slice(i * FaceImage.FrameBytes));
            }
        }

        public float[] Smooth(ReadOnlySpan<float> current, float strength)
        {
            if (smoothed is null || strength <= 0)
            {
                smoothed = current.ToArray();
                return (float[])smoothed.Clone();
            }
            for (var c = 0; c < smoothed.Length; c++) smoothed[c] = strength * smoothed[c] + (1 - strength) * current[c];
            return (float[])smoothed.Clone();
        }
    }
}
