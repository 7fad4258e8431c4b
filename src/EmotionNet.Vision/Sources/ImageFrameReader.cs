using EmotionNet.Core;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

namespace EmotionNet.Vision.Sources;

/// <summary>
/// Reads one image or a folder's images; each image is one frame, <c>index / fps</c> seconds in. Each
/// image's declared size is read from its header first and refused over <paramref name="maxPixels"/>.
/// A single image that cannot be read is an error; in a folder such a file is skipped (listed in
/// <see cref="FrameReader.TryTakeSkipped"/>) and reading goes on with the next one.
/// </summary>
internal sealed class ImageFrameReader(InputSource source, double fps, long maxPixels) : FrameReader
{
    private int next;

    public override SourceInfo Info { get; } = new(source.Kind, source.Name, source.Files.Count, fps, 0, 0);

    public override Mat? Read(out double timeSeconds, out string? frameName)
    {
        while (true)
        {
            timeSeconds = 0;
            frameName = null;
            if (next >= source.Files.Count) return null;
            var file = source.Files[next];
            timeSeconds = next / fps;
            next++;
            frameName = Path.GetFileName(file);
            var image = TryDecode(file, out var reason, out var option);
            if (image is not null) return image;
            if (source.Kind == SourceKind.Image) throw new EmotionNetException(reason!) { Option = option };
            Skip(new SkippedInput(file, reason!) { Option = option });
        }
    }

    // The reason a file cannot be read, and the option that would let it through (the pixel limit's), if any.
    private Mat? TryDecode(string file, out string? reason, out string? option)
    {
        reason = null;
        option = null;
        long length;
        try
        {
            length = new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"Image '{file}' could not be read: {e.Message}";
            return null;
        }
        if (length == 0)
        {
            reason = $"Image '{file}' is an empty file (0 bytes).";
            return null;
        }
        if (ImageHeader.TryReadSize(file) is var (width, height) && PixelLimit.Exceeded($"Image '{file}'", width, height, maxPixels) is { } tooBig)
        {
            reason = tooBig;
            option = PixelLimit.Option;
            return null;
        }
        if (ImageHeader.PngChunkPastEnd(file) is { } chunk)
        {
            reason = $"Image '{file}' could not be decoded: the file is corrupt or cut short (PNG chunk {chunk} runs past its end).";
            return null;
        }
        Mat image;
        try
        {
            image = Cv2.ImRead(file, ImreadModes.Color);
        }
        catch (OpenCVException e)
        {
            // A header ImageHeader does not read (or one that disagrees with it) can declare a size OpenCV's
            // decoders refuse with an assertion (over CV_IO_MAX_IMAGE_WIDTH, height 0) rather than an empty image.
            reason = $"Image '{file}' could not be decoded: the file is corrupt or not an image ({e.Message}).";
            return null;
        }
        if (!image.Empty()) return image;
        image.Dispose();
        reason = $"Image '{file}' could not be decoded: the file is corrupt or not an image.";
        return null;
    }

    public override bool Skip()
    {
        if (next >= source.Files.Count) return false;
        next++;
        return true;
    }
}
