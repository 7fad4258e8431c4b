using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>Finds faces in a frame.</summary>
public interface IFaceDetector : IDisposable
{
    /// <summary>Face boxes in <paramref name="frame"/> (BGR or grey), in full-resolution pixels, left to right.</summary>
    IReadOnlyList<FaceBox> Detect(Mat frame);
}
