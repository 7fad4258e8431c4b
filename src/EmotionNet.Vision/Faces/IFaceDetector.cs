using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// Finds faces in a frame. EmotionNet's detectors (<see cref="YuNetFaceDetector"/>, <see cref="HaarFaceDetector"/>)
/// may be called from several threads, one call at a time; <see cref="FaceDetectorPool"/> lends one per caller
/// so that analyses detect side by side.
/// </summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>Face boxes in <paramref name="frame"/> (grey, BGR or BGRA), in full-resolution pixels, left to right.</summary>
    IReadOnlyList<FaceBox> Detect(Mat frame);

    /// <summary>
    /// The faces in <paramref name="frame"/> with score and landmarks where the detector gives them,
    /// left to right, in the order of <see cref="Detect"/>. The default wraps <see cref="Detect"/>'s
    /// boxes without either.
    /// </summary>
    IReadOnlyList<DetectedFace> DetectFaces(Mat frame) => [.. Detect(frame).Select(b => new DetectedFace(b))];
}
