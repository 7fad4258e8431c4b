using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.Inference.Tests;

public class FaceAlignerTests
{
    private static FaceLandmarks Upright(float cx, float cy, float eyes) => new(
        new Point2f(cx - eyes / 2, cy), new Point2f(cx + eyes / 2, cy),
        new Point2f(cx, cy + eyes * 0.5f), new Point2f(cx - eyes * 0.4f, cy + eyes * 0.9f), new Point2f(cx + eyes * 0.4f, cy + eyes * 0.9f));

    private static Point2d Apply(double[] m, Point2f p) => new(m[0] * p.X + m[1] * p.Y + m[2], m[3] * p.X + m[4] * p.Y + m[5]);

    private static FaceLandmarks Rotate(FaceLandmarks lm, Point2f centre, double degrees)
    {
        var a = degrees * Math.PI / 180;
        Point2f R(Point2f p) => new((float)(centre.X + (p.X - centre.X) * Math.Cos(a) - (p.Y - centre.Y) * Math.Sin(a)),
                                    (float)(centre.Y + (p.X - centre.X) * Math.Sin(a) + (p.Y - centre.Y) * Math.Cos(a)));
        return new FaceLandmarks(R(lm.RightEye), R(lm.LeftEye), R(lm.Nose), R(lm.RightMouth), R(lm.LeftMouth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(-40)]
    [InlineData(90)]
    public void The_eyes_land_level_at_the_fer2013_eye_line_and_width(double tilt)
    {
        var lm = Rotate(Upright(300, 200, 60), new Point2f(300, 200), tilt);

        var (m, side) = FaceAligner.Transform(lm);

        var right = Apply(m, lm.RightEye);
        var left = Apply(m, lm.LeftEye);
        Assert.Equal(right.Y, left.Y, 3);
        Assert.True(right.X < left.X);
        Assert.Equal(FaceAligner.EyeLine * side, right.Y, 3);
        Assert.Equal(side / 2.0, (right.X + left.X) / 2, 3);
        Assert.Equal(FaceAligner.EyeDistance * side, left.X - right.X, 1);
    }

    [Fact]
    public void A_turned_face_is_sized_by_its_eye_to_mouth_distance()
    {
        // Eyes close together (a face turned away), mouth as far below as on a frontal face.
        var lm = new FaceLandmarks(new Point2f(290, 200), new Point2f(310, 200), new Point2f(305, 230), new Point2f(285, 254), new Point2f(309, 254));
        var (m, side) = FaceAligner.Transform(lm);
        Assert.Equal(54 / FaceAligner.EyeToMouth, side, 0);
        Assert.Equal(FaceAligner.EyeToMouth * side, Apply(m, lm.MouthCentre).Y - Apply(m, lm.EyeCentre).Y, 1);
    }

    [Fact]
    public void A_tilted_face_crop_matches_the_upright_one()
    {
        // The same pasted face, upright and rotated by 20 degrees: after alignment the crops agree.
        using var face = SyntheticScene.LoadFace("face1.png");
        var box = new FaceBox(220, 140, 200, 200);
        using var upright = SyntheticScene.Compose(640, 480, [(face, box)]);
        using var tilted = new Mat();
        var centre = new Point2f(320, 240);
        using (var r = Cv2.GetRotationMatrix2D(centre, -20, 1)) Cv2.WarpAffine(upright, tilted, r, upright.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        // The landmarks of the pasted face, placed by hand on the upright copy and rotated with it.
        var lm = Upright(320, 225, 70);
        var a = FaceAligner.Crop(upright, lm);
        var b = FaceAligner.Crop(tilted, Rotate(lm, centre, 20));
        var unaligned = FaceCropper.Crop(tilted, box, 0);

        static double Mad(byte[] x, byte[] y) => x.Zip(y, (p, q) => Math.Abs(p - q)).Average();
        Assert.True(Mad(a, b) < 6, $"aligned crops differ by {Mad(a, b):0.0} grey levels");
        Assert.True(Mad(a, unaligned) > 2 * Mad(a, b), $"alignment did not help: {Mad(a, unaligned):0.0} vs {Mad(a, b):0.0}");
    }

    [Fact]
    public void Landmarks_move_with_their_box()
    {
        var lm = Upright(150, 150, 40);
        var moved = lm.Relocate(new FaceBox(100, 100, 100, 100), new FaceBox(300, 200, 200, 200));
        Assert.Equal(new Point2f(400, 300), moved.EyeCentre);
        Assert.Equal(lm, lm.Relocate(new FaceBox(1, 2, 3, 4), new FaceBox(1, 2, 3, 4)));
    }
}
