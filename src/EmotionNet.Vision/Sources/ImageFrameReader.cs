using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>Reads one image or a folder's images; each image is one frame, <c>index / fps</c> seconds in.</summary>
internal sealed class ImageFrameReader(InputSource source, double fps) : FrameReader
{
    private int next;

    public override SourceInfo Info { get; } = new(source.Kind, source.Name, source.Files.Count, fps, 0, 0);

    public override Mat? Read(out double timeSeconds, out string? frameName)
    {
        timeSeconds = 0;
        frameName = null;
        if (next >= source.Files.Count) return null;
        var file = source.Files[next];
        timeSeconds = next / fps;
        next++;
        frameName = Path.GetFileName(file);
        var image = Cv2.ImRead(file, ImreadModes.Color);
        if (image.Empty())
        {
            image.Dispose();
            var size = new FileInfo(file).Length;
            throw new EmotionNetException(size == 0
                ? $"Image '{file}' is an empty file (0 bytes)."
                : $"Image '{file}' could not be decoded: the file is corrupt or not an image.");
        }
        return image;
    }

    public override bool Skip()
    {
        if (next >= source.Files.Count) return false;
        next++;
        return true;
    }
}
