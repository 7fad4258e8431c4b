using EmotionNet.Core.Emotions;

namespace EmotionNet.Inference.Recognition;

/// <summary>The recognizer's answer for one face in one frame.</summary>
/// <param name="TrackId">The face's track id.</param>
/// <param name="Probabilities">Smoothed class probabilities, in the classifier's class order.</param>
/// <param name="Label">The most probable emotion.</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Uncertain">True when <paramref name="Confidence"/> is below the uncertainty threshold.</param>
public sealed record EmotionPrediction(int TrackId, IReadOnlyList<float> Probabilities, Emotion Label, float Confidence, bool Uncertain);
