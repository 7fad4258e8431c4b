using EmotionNet.Core.Emotions;
using EmotionNet.Core.Imaging;

namespace EmotionNet.Core.Classifiers;

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

    /// <summary>
    /// Runs the classifier on at most <paramref name="threads"/> CPU threads until the returned scope
    /// is disposed, then restores what it changed; called only by a caller that asks for a count. Where the
    /// runtime's count is process-wide (libtorch) the scope changes it for the process; scopes that overlap
    /// restore it correctly. The default does nothing: a classifier whose runtime fixes its threads elsewhere keeps them.
    /// </summary>
    IDisposable UseThreads(int threads) => NoThreadScope.Instance;
}

/// <summary>The scope of a classifier that does not change its threads.</summary>
file sealed class NoThreadScope : IDisposable
{
    public static readonly NoThreadScope Instance = new();

    public void Dispose()
    {
    }
}
