using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;
using EmotionNet.Core.Runtime;
using EmotionNet.Torch;

/// <summary>The classifiers the benchmarks run.</summary>
internal static class Models
{
    /// <summary>The default architecture with random weights at sequence length <paramref name="t"/> (speed does not depend on the weights).</summary>
    public static EmotionClassifier Untrained(int t) =>
        EmotionClassifier.Load(UntrainedCheckpoint.Create(Path.Combine(Path.GetTempPath(), $"emotionnet-bench-untrained-t{t}.ckpt"), t), DeviceKind.Cpu);
}

/// <summary>
/// Hides a classifier's streaming entry points, so the recognizer sends whole T-frame clips through
/// <see cref="IEmotionClassifier.Predict"/>: the model path before feature caching, for before/after rows.
/// </summary>
internal sealed class WholeClipClassifier(IEmotionClassifier inner) : IEmotionClassifier
{
    public ClassSet Classes => inner.Classes;

    public int SequenceLength => inner.SequenceLength;

    public InputNormalization Normalization => inner.Normalization;

    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount) => inner.Predict(frames, clipCount);
}
