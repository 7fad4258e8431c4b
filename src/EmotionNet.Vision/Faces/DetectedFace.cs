namespace EmotionNet.Vision.Faces;

/// <summary>One face a detector found.</summary>
/// <param name="Box">Where it is, in pixels of the full-resolution frame.</param>
/// <param name="Score">The detector's confidence in [0, 1]; null for a detector without one (Haar).</param>
/// <param name="Landmarks">Eyes, nose and mouth corners; null for a detector without them (Haar).</param>
public sealed record DetectedFace(FaceBox Box, float? Score = null, FaceLandmarks? Landmarks = null);
