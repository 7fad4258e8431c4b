using EmotionNet.Emotions;
using EmotionNet.Imaging;

namespace EmotionNet.Models;

/// <summary>Something that turns clips of 48x48 grey faces into class probabilities.</summary>
public interface IEmotionClassifier
{
    /// <summary>The classes, in the order of the probabilities returned.</summary>
    ClassSet Classes { get; }

    /// <summary>Frames per clip the classifier expects (T).</summary>
    int SequenceLength { get; }

    /// <summary>The input normalization it was trained with.</summary>
    InputNormalization Normalization { get; }

    /// <summary>
    /// Class probabilities (softmax) for <paramref name="clipCount"/> clips. <paramref name="frames"/>
    /// holds clipCount x <see cref="SequenceLength"/> frames of 2304 grey bytes, clip after clip.
    /// Returns clipCount x Classes.Count values, clip after clip.
    /// </summary>
    float[] Predict(ReadOnlySpan<byte> frames, int clipCount);
}
