namespace EmotionNet.Core.Classifiers;

/// <summary>
/// A streaming classifier whose LSTM can carry its state from frame to frame: one encoder call and one
/// LSTM step per new frame, instead of re-reading a window of T frames. Each stream (each tracked face)
/// owns a state vector of <see cref="StateSize"/> values, all zero for a new stream.
/// </summary>
public interface IRecurrentEmotionClassifier : IStreamingEmotionClassifier
{
    /// <summary>Values in one stream's state (the LSTM's hidden and cell vectors of every layer).</summary>
    int StateSize { get; }

    /// <summary>
    /// Whether the model was trained to follow a stream frame by frame (change-aware clips with per-frame
    /// targets, see <c>TemporalTrainer</c>). A model trained on single frames can step too, but its state
    /// was never trained past the first frame.
    /// </summary>
    bool TrainedForStreaming { get; }

    /// <summary>
    /// One LSTM step for <paramref name="count"/> streams: <paramref name="features"/> holds count x
    /// <see cref="IStreamingEmotionClassifier.FeatureSize"/> values (each stream's newest frame, from
    /// <see cref="IStreamingEmotionClassifier.EncodeFrames"/>), <paramref name="states"/> count x
    /// <see cref="StateSize"/> values, read and then overwritten with each stream's new state. Returns
    /// count x Classes.Count probabilities, stream after stream.
    /// </summary>
    float[] StepStreams(ReadOnlySpan<float> features, Span<float> states, int count);
}
