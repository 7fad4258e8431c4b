using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tracking;

/// <summary>A face detected in the current frame and the track it belongs to.</summary>
/// <param name="TrackId">Stable id of the face across frames (1, 2, ... in order of appearance).</param>
/// <param name="Box">Where the face is in this frame.</param>
/// <param name="IsNew">True on the first frame of the track.</param>
public sealed record TrackedFace(int TrackId, FaceBox Box, bool IsNew);
