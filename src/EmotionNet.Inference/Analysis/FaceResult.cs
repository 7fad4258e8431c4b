using EmotionNet.Core.Emotions;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Analysis;

/// <summary>One face in one frame.</summary>
/// <param name="FaceId">The face's track id, stable across frames.</param>
/// <param name="Box">Where the face is, in frame pixels.</param>
/// <param name="Probabilities">The class probabilities shown, in the classifier's class order (see <see cref="Recognition.EmotionPrediction"/>).</param>
/// <param name="Label">The emotion shown (see <see cref="Recognition.EmotionPrediction"/>).</param>
/// <param name="Confidence">Its probability.</param>
/// <param name="Uncertain">True when the confidence is below the uncertainty threshold.</param>
public sealed record FaceResult(int FaceId, FaceBox Box, IReadOnlyList<float> Probabilities, Emotion Label, float Confidence, bool Uncertain)
{
    /// <summary>
    /// The face's eyes, nose and mouth corners, in frame pixels: the detector's (YuNet) or, on the frames
    /// between detections (<see cref="AnalyzerOptions.DetectEvery"/>), the last detection's moved with the
    /// box; null for a detector without landmarks (Haar) and for whole-image faces (<see cref="AnalyzerOptions.FacesCropped"/>).
    /// Not written to frames.csv or frames.json.
    /// </summary>
    public FaceLandmarks? Landmarks { get; init; }
}
