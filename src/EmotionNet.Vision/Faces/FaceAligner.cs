using EmotionNet.Core.Imaging;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// Turns a face with landmarks into the model's input framed the way FER2013 faces are: rotated so
/// the eyes are level, scaled so the eyes and mouth sit where they sit in FER2013's 48x48 crops, then
/// grey 48x48 through <see cref="FaceRaster"/>. Pixels beyond the image border repeat the edge, so faces
/// at the border still give a full crop.
/// </summary>
public static class FaceAligner
{
    /// <summary>Distance between the eyes, as a fraction of the crop's side (tuned on FER2013 faces, docs/inference.md).</summary>
    public const double EyeDistance = 0.40;

    /// <summary>Vertical distance from the eyes to the mouth, as a fraction of the crop's side (tuned on FER2013 faces, docs/inference.md).</summary>
    public const double EyeToMouth = 0.36;

    /// <summary>Height of the eye line below the crop's top, as a fraction of its side (tuned on FER2013 faces, docs/inference.md).</summary>
    public const double EyeLine = 0.38;

    // The rotated crop is first drawn at most this many pixels wide, then averaged down to 48 by
    // FaceRaster, so a large face costs no more than a small one and is not aliased by the warp.
    private const int MaxWarpSide = FaceImage.Side * 4;

    /// <summary>Crops the face with <paramref name="landmarks"/> from <paramref name="image"/> into a new 2304-byte face.</summary>
    public static byte[] Crop(Mat image, FaceLandmarks landmarks)
    {
        var face = new byte[FaceImage.FrameBytes];
        Crop(image, landmarks, face);
        return face;
    }

    /// <summary>Crops the face with <paramref name="landmarks"/> from <paramref name="image"/> (grey, BGR or BGRA) into <paramref name="destination"/> (2304 bytes).</summary>
    public static void Crop(Mat image, FaceLandmarks landmarks, Span<byte> destination) =>
        Crop(image, landmarks, destination, EyeDistance, EyeToMouth, EyeLine);

    /// <summary><see cref="Crop(Mat, FaceLandmarks, Span{byte})"/> with other framing fractions (for tuning them against FER2013).</summary>
    internal static void Crop(Mat image, FaceLandmarks landmarks, Span<byte> destination, double eyeDistance, double eyeToMouth, double eyeLine)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(landmarks);
        if (destination.Length != FaceImage.FrameBytes)
            throw new ArgumentException($"Expected {FaceImage.FrameBytes} bytes, got {destination.Length}.", nameof(destination));
        if (image.Empty()) throw new ArgumentException("The image is empty.", nameof(image));

        var (transform, side) = Transform(landmarks, eyeDistance, eyeToMouth, eyeLine);
        using var matrix = Mat.FromPixelData(2, 3, MatType.CV_64FC1, transform);
        using var warped = new Mat();
        Cv2.WarpAffine(image, warped, matrix, new Size(side, side), InterpolationFlags.Linear, BorderTypes.Replicate);
        FaceRaster.ToFace(warped, destination);
    }

    /// <summary>
    /// The 2x3 affine map (row-major) from image pixels to the crop, and the crop's side in pixels: the
    /// eye line is rotated level, the eyes' midpoint lands on the crop's vertical centre line at
    /// <see cref="EyeLine"/>, and the face is scaled per <see cref="EyeDistance"/> and <see cref="EyeToMouth"/>.
    /// </summary>
    public static (double[] Transform, int Side) Transform(FaceLandmarks landmarks) => Transform(landmarks, EyeDistance, EyeToMouth, EyeLine);

    private static (double[] Transform, int Side) Transform(FaceLandmarks landmarks, double eyeDistanceFraction, double eyeToMouthFraction, double eyeLine)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        var eyes = landmarks.EyeCentre;
        var mouth = landmarks.MouthCentre;
        // The person's right eye is on the image's left on an upright face, so this is the tilt of the eye line.
        double ex = landmarks.LeftEye.X - landmarks.RightEye.X, ey = landmarks.LeftEye.Y - landmarks.RightEye.Y;
        var angle = Math.Atan2(ey, ex);
        double cos = Math.Cos(angle), sin = Math.Sin(angle);

        // Measured in the levelled face: a turned face has its eyes closer together but not a shorter
        // eye-to-mouth distance, and a face tilted forward the reverse, so the larger of the two sizes wins.
        var eyeDistance = Math.Sqrt(ex * ex + ey * ey);
        double mx = mouth.X - eyes.X, my = mouth.Y - eyes.Y;
        var eyeToMouth = -sin * mx + cos * my;
        var faceSide = Math.Max(eyeDistance / eyeDistanceFraction, eyeToMouth / eyeToMouthFraction);
        if (!(faceSide >= 1)) faceSide = Math.Max(1, eyeDistance / eyeDistanceFraction);

        var side = (int)Math.Clamp(Math.Round(faceSide), 1, MaxWarpSide);
        var scale = side / faceSide;
        // Rotate by -angle about the eyes' midpoint, scale, and move that midpoint to (side / 2, EyeLine * side).
        double a = scale * cos, b = scale * sin;
        var tx = side / 2.0 - (a * eyes.X + b * eyes.Y);
        var ty = eyeLine * side - (-b * eyes.X + a * eyes.Y);
        return ([a, b, tx, -b, a, ty], side);
    }
}
