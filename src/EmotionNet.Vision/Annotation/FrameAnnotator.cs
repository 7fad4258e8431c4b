using System.Globalization;
using OpenCvSharp;

namespace EmotionNet.Vision.Annotation;

/// <summary>Draws each face's box, "#id Label 87%" (with a "?" when uncertain) and a confidence bar onto a frame.</summary>
public static class FrameAnnotator
{
    /// <summary>
    /// An annotated copy of <paramref name="image"/>, enlarged (nearest neighbour) to at least
    /// <paramref name="minWidth"/> pixels wide so that labels on small images, such as 48x48 face crops, stay readable.
    /// </summary>
    public static Mat DrawCopy(Mat image, IReadOnlyList<FaceAnnotation> faces, int minWidth = 320)
    {
        ArgumentNullException.ThrowIfNull(image);
        var scale = image.Width >= minWidth || image.Width == 0 ? 1 : (int)Math.Ceiling((double)minWidth / image.Width);
        var copy = new Mat();
        if (scale == 1) image.CopyTo(copy);
        else Cv2.Resize(image, copy, new Size(image.Width * scale, image.Height * scale), 0, 0, InterpolationFlags.Nearest);
        Draw(copy, faces, scale);
        return copy;
    }

    /// <summary>Draws <paramref name="faces"/> onto <paramref name="image"/> (BGR) in place; boxes are multiplied by <paramref name="scale"/>.</summary>
    public static void Draw(Mat image, IReadOnlyList<FaceAnnotation> faces, double scale = 1)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        var thickness = Math.Max(1, image.Width / 320);
        var fontScale = Math.Max(0.4, image.Width / 1280.0);
        foreach (var face in faces)
        {
            var colour = EmotionColors.Of(face.Label);
            var box = new Rect((int)(face.Box.X * scale), (int)(face.Box.Y * scale), (int)(face.Box.Width * scale), (int)(face.Box.Height * scale));
            Cv2.Rectangle(image, box, colour, thickness, LineTypes.AntiAlias);

            var text = string.Create(CultureInfo.InvariantCulture, $"#{face.FaceId} {face.Label} {face.Confidence * 100:0}%{(face.Uncertain ? " ?" : "")}");
            var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, fontScale, thickness, out var baseline);
            // Above the box where there is room, else below it, else inside its top edge.
            var textY = box.Y - 4 >= size.Height + 2 ? box.Y - 4
                : box.Bottom + size.Height + baseline + 4 <= image.Height ? box.Bottom + size.Height + 4
                : box.Y + size.Height + 4;
            Cv2.Rectangle(image, new Rect(box.X, textY - size.Height - 2, size.Width + 4, size.Height + baseline + 2), colour, -1);
            Cv2.PutText(image, text, new Point(box.X + 2, textY), HersheyFonts.HersheySimplex, fontScale, Scalar.Black, thickness, LineTypes.AntiAlias);

            // Confidence bar just inside the bottom of the box: its filled share is the top probability.
            var barHeight = Math.Max(4, box.Height / 16);
            var barTop = Math.Max(box.Y, box.Bottom - barHeight - thickness);
            Cv2.Rectangle(image, new Rect(box.X, barTop, box.Width, barHeight), Scalar.Black, -1);
            var filled = (int)Math.Round(box.Width * Math.Clamp(face.Confidence, 0f, 1f));
            if (filled > 0) Cv2.Rectangle(image, new Rect(box.X, barTop, filled, barHeight), colour, -1);
        }
    }
}
