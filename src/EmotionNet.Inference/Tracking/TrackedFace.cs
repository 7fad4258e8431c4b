using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Tracking;

/// <summary>A face in the current frame and the track it belongs to.</summary>
/// <param name="TrackId">Stable id of the face across frames (1, 2, ... in order of appearance).</param>
/// <param name="Box">Where the face is in this frame: the detection, or on a frame without detection the predicted box.</param>
/// <param name="IsNew">True on the first frame of the track.</param>
/// <param name="IsPredicted">True when <paramref name="Box"/> was predicted (a frame without detection), not detected.</param>
public sealed record TrackedFace(int TrackId, FaceBox Box, bool IsNew, bool IsPredicted = false);
