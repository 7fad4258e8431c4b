using EmotionNet.Inference.Recognition;
using EmotionNet.Inference.Tracking;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Analysis;

/// <summary>The first stage's output: a decoded frame with its tracked faces, the landmarks each was cropped on (null where none) and their 48x48 crops.</summary>
internal sealed record DetectedFrame(int Index, double TimeSeconds, string? Name, Mat Image, IReadOnlyList<TrackedFace> Faces, IReadOnlyList<FaceLandmarks?> Landmarks, IReadOnlyList<FaceInput> Crops, IReadOnlyCollection<int> LiveTrackIds);
