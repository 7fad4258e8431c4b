using EmotionNet.Core.Data;
using EmotionNet.Core.Imaging;
using OpenCvSharp;

namespace EmotionNet.Vision.Imaging;

/// <summary>
/// Decodes image files with OpenCV into 48x48 grey faces (<see cref="FaceRaster"/>): 8- and 16-bit,
/// grey or colour, any size. The decoder folder data sets use (<see cref="DataLoadOptions.ImageDecoder"/>).
/// </summary>
public sealed class OpenCvFaceImageDecoder : IFaceImageDecoder
{
    /// <summary>The shared instance; the decoder holds no state.</summary>
    public static OpenCvFaceImageDecoder Instance { get; } = new();

    /// <inheritdoc />
    public string? TryDecodeFace(string path, ReadOnlySpan<byte> encoded, Span<byte> face)
    {
        if (encoded.IsEmpty) return "not a readable image: the file is empty";
        OpenCvRuntime.Ensure();
        using var image = Decode(encoded, ImreadModes.AnyDepth | ImreadModes.AnyColor, out var reason);
        if (image is null) return reason;
        try
        {
            FaceRaster.ToFace(image, face);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// <paramref name="encoded"/> decoded with <paramref name="mode"/>, or null and why not. A header OpenCV's
    /// decoders refuse by assertion (a width over CV_IO_MAX_IMAGE_WIDTH, a height of 0) is a reason, not an exception.
    /// </summary>
    internal static Mat? Decode(ReadOnlySpan<byte> encoded, ImreadModes mode, out string? reason)
    {
        Mat image;
        try
        {
            image = Cv2.ImDecode(encoded, mode);
        }
        catch (OpenCVException e)
        {
            reason = $"not a readable image: the file is corrupt ({e.Message})";
            return null;
        }
        reason = image.Empty() ? "not a readable image" : null;
        if (reason is null) return image;
        image.Dispose();
        return null;
    }
}
