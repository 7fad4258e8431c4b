using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Encoded test images: committed FER2013 faces pasted, upscaled, at known places.</summary>
public static class TestImages
{
    public static readonly FaceBox LeftFace = new(40, 150, 160, 160);
    public static readonly FaceBox RightFace = new(400, 120, 160, 160);

    /// <summary>A 640x480 scene with face1 on the left and face2 on the right, encoded as <paramref name="extension"/> (".png", ".jpg", ".bmp", ".webp").</summary>
    public static byte[] TwoFaces(string extension = ".png")
    {
        using var left = SyntheticScene.LoadFace("face1.png");
        using var right = SyntheticScene.LoadFace("face2.png");
        using var frame = SyntheticScene.Compose(640, 480, [(left, LeftFace), (right, RightFace)]);
        return Encode(frame, extension);
    }

    /// <summary>A 320x240 frame with face1 at <paramref name="x"/>, as a JPEG (what the page's camera sends).</summary>
    public static byte[] CameraFrame(int x = 100)
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var frame = SyntheticScene.Compose(320, 240, [(face, new FaceBox(x, 50, 130, 130))]);
        return Encode(frame, ".jpg");
    }

    public static byte[] Encode(Mat image, string extension)
    {
        Cv2.ImEncode(extension, image, out var bytes);
        return bytes;
    }
}
