using EmotionNet.Core.Classifiers;

namespace EmotionNet.Inference.Recognition;

/// <summary>How a face's emotions are followed over the frames of a stream.</summary>
public enum TemporalMode
{
    /// <summary>
    /// <see cref="Lstm"/> when the classifier was trained to stream (<see cref="IRecurrentEmotionClassifier.TrainedForStreaming"/>),
    /// otherwise <see cref="MovingAverage"/>.
    /// </summary>
    Auto,
    /// <summary>Each frame classified over the classifier's window of T frames, then an exponential moving average (<see cref="RecognizerOptions.Smoothing"/>).</summary>
    MovingAverage,
    /// <summary>
    /// The LSTM carries each face's state from frame to frame (one encoder call and one LSTM step per new
    /// frame) and its output is shown as it is; needs an <see cref="IRecurrentEmotionClassifier"/>.
    /// </summary>
    Lstm,
}
