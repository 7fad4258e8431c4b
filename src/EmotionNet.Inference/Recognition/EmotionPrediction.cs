using EmotionNet.Core.Emotions;

namespace EmotionNet.Inference.Recognition;

/// <summary>The recognizer's answer for one face in one frame.</summary>
/// <param name="TrackId">The face's track id.</param>
/// <param name="Probabilities">
/// The class probabilities shown, in the classifier's class order: the moving average in <see cref="TemporalMode.MovingAverage"/>,
/// the frame's own (or the LSTM's) otherwise.
/// </param>
/// <param name="Label">
/// The emotion shown: the most probable one, except in <see cref="TemporalMode.Hysteresis"/>, where the label stays until another
/// class leads it by the switch margin or for the switch frames (<see cref="EmotionFollower"/>), so it can trail a class that leads narrowly.
/// </param>
/// <param name="Confidence">The probability of <paramref name="Label"/>.</param>
/// <param name="Uncertain">True when <paramref name="Confidence"/> is below the uncertainty threshold.</param>
public sealed record EmotionPrediction(int TrackId, IReadOnlyList<float> Probabilities, Emotion Label, float Confidence, bool Uncertain);
