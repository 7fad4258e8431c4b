using EmotionNet.Core.Imaging;
using OpenCvSharp;

namespace EmotionNet.Vision.Imaging;

/// <summary>
/// The one routine that turns an image region into the model's input: grey (from grey, BGR or BGRA,
/// 8 or 16 bits), resized to 48x48 by pixel-area averaging, 2304 bytes row by row. Face crops at
/// inference and image files of folder data sets both go through it, so training and prediction see
/// faces made the same way.
/// </summary>
public static class FaceRaster
{
    /// <summary>Writes <paramref name="image"/> (any size) as a 48x48 grey face into <paramref name="destination"/> (2304 bytes).</summary>
    /// <exception cref="ArgumentException">The image is empty, has an unsupported channel count or depth, or the destination has the wrong size.</exception>
    public static void ToFace(Mat image, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != FaceImage.FrameBytes)
            throw new ArgumentException($"Expected {FaceImage.FrameBytes} bytes, got {destination.Length}.", nameof(destination));
        if (image.Empty()) throw new ArgumentException("The image is empty.", nameof(image));

        using var grey = ToGrey8(image);
        using var resized = new Mat();
        if (grey.Width == FaceImage.Side && grey.Height == FaceImage.Side) grey.CopyTo(resized);
        else Cv2.Resize(grey, resized, new Size(FaceImage.Side, FaceImage.Side), 0, 0, InterpolationFlags.Area);
        // A freshly allocated 48x48 Mat is continuous, so its bytes are one row-major block.
        resized.AsSpan<byte>().CopyTo(destination);
    }

    /// <summary>An 8-bit single-channel copy of <paramref name="image"/> (grey, BGR or BGRA; 16-bit scaled down).</summary>
    public static Mat ToGrey8(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grey = new Mat();
        try
        {
            switch (image.Channels())
            {
                case 1: image.CopyTo(grey); break;
                case 3: Cv2.CvtColor(image, grey, ColorConversionCodes.BGR2GRAY); break;
                case 4: Cv2.CvtColor(image, grey, ColorConversionCodes.BGRA2GRAY); break;
                default: throw new ArgumentException($"Expected a grey, BGR or BGRA image, got {image.Channels()} channels.", nameof(image));
            }
            var depth = grey.Depth();
            if (depth == MatType.CV_16U) grey.ConvertTo(grey, MatType.CV_8U, 1.0 / 257);
            else if (depth != MatType.CV_8U) throw new ArgumentException($"Expected 8- or 16-bit pixels, got {grey.Type()}.", nameof(image));
            return grey;
        }
        catch
        {
            grey.Dispose();
            throw;
        }
    }
}
