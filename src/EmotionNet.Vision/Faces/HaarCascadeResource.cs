using EmotionNet.Core;
using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>Loads the frontal-face cascade embedded in this assembly.</summary>
internal static class HaarCascadeResource
{
    internal const string ResourceName = "EmotionNet.Vision.haarcascade_frontalface_default.xml";

    /// <summary>
    /// Creates a classifier from the embedded cascade. CascadeClassifier reads a path, so the XML is
    /// written to a private temporary file that is deleted as soon as it is loaded.
    /// </summary>
    public static CascadeClassifier Load()
    {
        using var stream = typeof(HaarCascadeResource).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new EmotionNetException($"The face-detector cascade '{ResourceName}' is missing from {typeof(HaarCascadeResource).Assembly.GetName().Name}.");
        var path = Path.Combine(Path.GetTempPath(), $"emotionnet-haar-{Guid.NewGuid():N}.xml");
        try
        {
            using (var file = File.Create(path)) stream.CopyTo(file);
            var classifier = new CascadeClassifier(path);
            if (classifier.Empty())
            {
                classifier.Dispose();
                throw new EmotionNetException($"OpenCV could not read the face-detector cascade written to '{path}'.");
            }
            return classifier;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
