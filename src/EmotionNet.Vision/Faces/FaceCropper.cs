using EmotionNet.Core.Imaging;
using EmotionNet.Vision.Imaging;
using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// Turns a face box into the model's input exactly as the training data looks: the box widened by a
/// margin and clamped to the image, grey, resized to 48x48 with area interpolation, 2304 bytes row by row.
/// An already cropped 48x48 grey face passes through unchanged.
/// </summary>
public static class FaceCropper
{
    /// <summary>Default margin added on each side, as a fraction of the box's width or height.</summary>
    public const double DefaultMargin = 0.1;

    /// <summary>The box widened by <paramref name="margin"/> of its size on each side, clamped to a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public static FaceBox Expand(FaceBox box, double margin, int width, int height)
    {
        var dx = (int)Math.Round(box.Width * margin);
        var dy = (int)Math.Round(box.Height * margin);
        var x0 = Math.Clamp(box.X - dx, 0, width);
        var y0 = Math.Clamp(box.Y - dy, 0, height);
        var x1 = Math.Clamp(box.Right + dx, 0, width);
        var y1 = Math.Clamp(box.Bottom + dy, 0, height);
        return new FaceBox(x0, y0, x1 - x0, y1 - y0);
    }

    /// <summary>Crops <paramref name="box"/> (plus <paramref name="margin"/>) from <paramref name="image"/> into a new 2304-byte face.</summary>
    public static byte[] Crop(Mat image, FaceBox box, double margin = DefaultMargin)
    {
        var face = new byte[FaceImage.FrameBytes];
        Crop(image, box, margin, face);
        return face;
    }

    /// <summary>Crops <paramref name="box"/> (plus <paramref name="margin"/>) from <paramref name="image"/> (grey, BGR or BGRA) into <paramref name="destination"/> (2304 bytes).</summary>
    public static void Crop(Mat image, FaceBox box, double margin, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (destination.Length != FaceImage.FrameBytes)
            throw new ArgumentException($"Expected {FaceImage.FrameBytes} bytes, got {destination.Length}.", nameof(destination));
        if (margin < 0) throw new ArgumentOutOfRangeException(nameof(margin), margin, "The margin must be 0 or more.");
        var region = Expand(box, margin, image.Width, image.Height);
        if (region.Area == 0) throw new ArgumentException($"The box {box} lies outside the {image.Width}x{image.Height} image.", nameof(box));

        using var roi = new Mat(image, new Rect(region.X, region.Y, region.Width, region.Height));
        FaceRaster.ToFace(roi, destination);
    }
}
