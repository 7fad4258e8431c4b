using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.TestSupport;

/// <summary>
/// A stand-in classifier: returns a caller-chosen distribution per call (default: derived from each clip's
/// last frame's mean brightness, so it is deterministic), and records every call.
/// </summary>
public sealed class FakeClassifier(int sequenceLength = 4, ClassSet? classes = null) : IEmotionClassifier
{
    public ClassSet Classes { get; } = classes ?? ClassSet.Fer7;

    public int SequenceLength { get; } = sequenceLength;

    public InputNormalization Normalization { get; } = InputNormalization.Default;

    /// <summary>Returns the probabilities of one clip; null uses the brightness rule.</summary>
    public Func<int, float[]>? Next { get; set; }

    public List<(byte[] Frames, int ClipCount)> Calls { get; } = [];

    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
    {
        if (frames.Length != clipCount * SequenceLength * FaceImage.FrameBytes) throw new ArgumentException("Wrong frame byte count.", nameof(frames));
        Calls.Add((frames.ToArray(), clipCount));
        var result = new float[clipCount * Classes.Count];
        for (var clip = 0; clip < clipCount; clip++)
        {
            var p = Next?.Invoke(Calls.Count - 1) ?? Brightness(frames.Slice(((clip + 1) * SequenceLength - 1) * FaceImage.FrameBytes, FaceImage.FrameBytes));
            p.CopyTo(result, clip * Classes.Count);
        }
        return result;
    }

    private float[] Brightness(ReadOnlySpan<byte> face)
    {
        long sum = 0;
        foreach (var b in face) sum += b;
        var top = (int)(sum / face.Length * Classes.Count / 256);
        var p = new float[Classes.Count];
        Array.Fill(p, 0.3f / (Classes.Count - 1));
        p[top] = 0.7f;
        return p;
    }
}
