using System.Globalization;
using EmotionNet.Inference.Analysis;
using OpenCvSharp;

namespace EmotionNet.Inference.Annotation;

/// <summary>Draws each face's box, "#id Label 87%" (with a "?" when uncertain) and a confidence bar onto a frame.</summary>
public static class FrameAnnotator
{
    /// <summary>Draws <paramref name="result"/>'s faces onto <paramref name="image"/> (BGR) in place.</summary>
    public static void Draw(Mat image, FrameResult result)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(result);
        var thickness = Math.Max(1, image.Width / 320);
        var fontScale = Math.Max(0.4, image.Width / 1280.0);
        foreach (var face in result.Faces)
        {
            var colour = EmotionColors.Of(face.Label);
            var box = new Rect(face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height);
            Cv2.Rectangle(image, box, colour, thickness, LineTypes.AntiAlias);

            var text = string.Create(CultureInfo.InvariantCulture, $"#{face.FaceId} {face.Label} {face.Confidence * 100:0}%{(face.Uncertain ? " ?" : "")}");
            var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, fontScale, thickness, out var baseline);
            var textY = box.Y - 4 >= size.Height ? box.Y - 4 : box.Bottom + size.Height + 4;
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
