using EmotionNet.Inference.Analysis;
using EmotionNet.Vision.Faces;

namespace EmotionNet.AspNetCore.Inference;

/// <summary>One face of one analyzed image or stream frame: what the recognizer said and where the detector saw it.</summary>
/// <param name="Result">The face's id, box and emotion.</param>
/// <param name="Landmarks">Eyes, nose and mouth corners where the detector gives them (YuNet); null otherwise.</param>
internal sealed record AnalyzedFace(FaceResult Result, FaceLandmarks? Landmarks);
