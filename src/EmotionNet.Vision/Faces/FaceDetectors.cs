using EmotionNet.Core;

namespace EmotionNet.Vision.Faces;

/// <summary>Creates the face detector that <see cref="DetectorOptions.Kind"/> names.</summary>
public static class FaceDetectors
{
    /// <summary>A new detector per <paramref name="options"/> (defaults when null: YuNet).</summary>
    /// <exception cref="EmotionNetException">An option is out of range, or the detector's model cannot be loaded (the message names it).</exception>
    public static IFaceDetector Create(DetectorOptions? options = null)
    {
        options ??= DetectorOptions.Default;
        return options.Validate().Kind switch
        {
            FaceDetectorKind.YuNet => new YuNetFaceDetector(options),
            FaceDetectorKind.Haar => new HaarFaceDetector(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown face detector."),
        };
    }
}
