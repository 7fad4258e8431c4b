using OpenCvSharp;
using EmotionNet.Vision.Faces;

namespace EmotionNet.Inference.Analysis;

/// <summary>
/// How the pipeline turns one found face into the model's 48x48 input, shared by <c>analyze</c>
/// (<see cref="FaceStage"/>) and the evaluation of photo folders (<see cref="PhotoFaceDecoder"/>) so
/// that both feed the model the same crop.
/// </summary>
internal static class FaceCrop
{
    /// <summary>
    /// Aligned on <paramref name="landmarks"/> (eyes level, FER2013 framing, <see cref="FaceAligner"/>) when
    /// they are known and <paramref name="align"/> is on, else <paramref name="box"/> plus
    /// <paramref name="margin"/> (<see cref="FaceCropper"/>); into <paramref name="destination"/> (2304 bytes).
    /// </summary>
    public static void Crop(Mat image, FaceBox box, FaceLandmarks? landmarks, bool align, double margin, Span<byte> destination)
    {
        if (align && landmarks is { } points) FaceAligner.Crop(image, points, destination);
        else FaceCropper.Crop(image, box, margin, destination);
    }
}
