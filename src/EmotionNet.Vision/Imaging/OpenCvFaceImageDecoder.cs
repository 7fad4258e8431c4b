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
        using var image = Cv2.ImDecode(encoded, ImreadModes.AnyDepth | ImreadModes.AnyColor);
        if (image.Empty()) return "not a readable image";
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
}
