using EmotionNet.Core.Classifiers;

namespace EmotionNet.Inference.Recognition;

/// <summary>How a face's emotions are followed over the frames of a stream.</summary>
public enum TemporalMode
{
    /// <summary>
    /// <see cref="Lstm"/> when the classifier was trained to stream (<see cref="IRecurrentEmotionClassifier.TrainedForStreaming"/>),
    /// otherwise <see cref="Hysteresis"/>.
    /// </summary>
    Auto,
    /// <summary>Each frame classified over the classifier's window of T frames, then an exponential moving average (<see cref="RecognizerOptions.Smoothing"/>).</summary>
    MovingAverage,
    /// <summary>
    /// The LSTM carries each face's state from frame to frame (one encoder call and one LSTM step per new
    /// frame) and its output is shown as it is; needs an <see cref="IRecurrentEmotionClassifier"/>.
    /// </summary>
    Lstm,
    /// <summary>
    /// Each frame's probabilities shown as they are, and the label held until another class leads it by
    /// <see cref="RecognizerOptions.SwitchMargin"/> or for <see cref="RecognizerOptions.SwitchFrames"/> frames in a row:
    /// near-ties between two classes do not flip the label, a clear change is shown on its first frame
    /// (docs/temporal.md measures it against the moving average on expression onsets).
    /// </summary>
    Hysteresis,
}
