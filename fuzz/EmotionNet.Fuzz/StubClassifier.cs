using EmotionNet.Core.Classifiers;
using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Fuzz;

/// <summary>A classifier that costs nothing, so the image target spends its time decoding, not predicting.</summary>
internal sealed class StubClassifier : IEmotionClassifier
{
    public ClassSet Classes => ClassSet.Fer7;

    public int SequenceLength => 1;

    public InputNormalization Normalization => InputNormalization.Default;

    public float[] Predict(ReadOnlySpan<byte> frames, int clipCount)
    {
        var result = new float[clipCount * Classes.Count];
        for (var i = 0; i < clipCount; i++) result[i * Classes.Count] = 1;
        return result;
    }
}
