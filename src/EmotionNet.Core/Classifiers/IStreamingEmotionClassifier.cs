namespace EmotionNet.Core.Classifiers;

/// <summary>
/// A classifier whose model splits into a per-frame encoder and a temporal head, so that a stream can
/// encode each frame once and re-run only the head over the last T frames' features: the per-frame
/// cost no longer grows with T, and the result equals <see cref="IEmotionClassifier.Predict"/> on the
/// same clip.
/// </summary>
public interface IStreamingEmotionClassifier : IEmotionClassifier
{
    /// <summary>Length of one frame's feature vector.</summary>
    int FeatureSize { get; }

    /// <summary>
    /// Encodes <paramref name="frameCount"/> frames of 2304 grey bytes each (frame after frame) and
    /// returns frameCount x <see cref="FeatureSize"/> values, frame after frame.
    /// </summary>
    float[] EncodeFrames(ReadOnlySpan<byte> frames, int frameCount);

    /// <summary>
    /// Class probabilities (softmax) for <paramref name="clipCount"/> clips given as per-frame features:
    /// clipCount x <see cref="IEmotionClassifier.SequenceLength"/> x <see cref="FeatureSize"/> values,
    /// oldest frame first. Returns clipCount x Classes.Count values, clip after clip.
    /// </summary>
    float[] ClassifyFeatures(ReadOnlySpan<float> features, int clipCount);
}
