using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// The five facial points YuNet gives, in pixels of the full-resolution frame. "Right" and "left" are
/// the person's own: on an upright face looking at the camera the right eye is on the image's left.
/// </summary>
/// <param name="RightEye">Centre of the person's right eye.</param>
/// <param name="LeftEye">Centre of the person's left eye.</param>
/// <param name="Nose">Tip of the nose.</param>
/// <param name="RightMouth">Right corner of the mouth.</param>
/// <param name="LeftMouth">Left corner of the mouth.</param>
public sealed record FaceLandmarks(Point2f RightEye, Point2f LeftEye, Point2f Nose, Point2f RightMouth, Point2f LeftMouth)
{
    /// <summary>Midpoint of the two eyes.</summary>
    public Point2f EyeCentre => new((RightEye.X + LeftEye.X) / 2, (RightEye.Y + LeftEye.Y) / 2);

    /// <summary>Midpoint of the two mouth corners.</summary>
    public Point2f MouthCentre => new((RightMouth.X + LeftMouth.X) / 2, (RightMouth.Y + LeftMouth.Y) / 2);

    /// <summary>
    /// The same points moved with a face whose box went from <paramref name="from"/> to
    /// <paramref name="to"/> (shifted and scaled with it). Between detections a tracked face's box
    /// moves while its last landmarks stay behind; this keeps them on the face.
    /// </summary>
    public FaceLandmarks Relocate(FaceBox from, FaceBox to)
    {
        if (from == to || from.Width <= 0 || from.Height <= 0) return this;
        var sx = (float)to.Width / from.Width;
        var sy = (float)to.Height / from.Height;
        Point2f Move(Point2f p) => new(to.X + (p.X - from.X) * sx, to.Y + (p.Y - from.Y) * sy);
        return new FaceLandmarks(Move(RightEye), Move(LeftEye), Move(Nose), Move(RightMouth), Move(LeftMouth));
    }
}
