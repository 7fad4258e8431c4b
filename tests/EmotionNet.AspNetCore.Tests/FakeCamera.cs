using System.Text;
using EmotionNet.TestSupport;
using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>
/// A .y4m video (the raw format Chromium's fake camera plays, looping) of a real FER2013 face drifting across a
/// 640x480 frame, made from a committed face at test time.
/// </summary>
public static class FakeCamera
{
    public static string Write(string path, int frames = 40)
    {
        using var face = SyntheticScene.LoadFace("face1.png");
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes("YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n"));
        for (var i = 0; i < frames; i++)
        {
            // Back and forth, so that the loop has no jump.
            var x = 180 + (i < frames / 2 ? i : frames - i) * 4;
            using var frame = SyntheticScene.Compose(640, 480, [(face, new FaceBox(x, 110, 240, 240))]);
            using var yuv = new Mat();
            Cv2.CvtColor(frame, yuv, ColorConversionCodes.BGR2YUV_I420);
            yuv.GetArray(out byte[] planes);
            file.Write("FRAME\n"u8);
            file.Write(planes);
        }
        return path;
    }
}
