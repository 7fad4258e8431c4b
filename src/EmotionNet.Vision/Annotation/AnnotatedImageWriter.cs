using EmotionNet.Core.IO;
using OpenCvSharp;

namespace EmotionNet.Vision.Annotation;

/// <summary>Saves annotated frames of image inputs as PNGs named after the source image, atomically.</summary>
public static class AnnotatedImageWriter
{
    /// <summary>Writes <paramref name="image"/> as <c>folder/&lt;stem of sourceName&gt;.png</c> and returns the path.</summary>
    public static string Write(string folder, string sourceName, Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var path = Path.Combine(folder, Path.GetFileNameWithoutExtension(sourceName) + ".png");
        Cv2.ImEncode(".png", image, out var png);
        AtomicFile.WriteAllBytes(path, png);
        return path;
    }
}
