using EmotionNet.TestSupport;

namespace EmotionNet.AspNetCore.Tests;

/// <summary>Short videos of a real (FER2013) face moving across a plain background.</summary>
public static class TestVideos
{
    /// <summary>Writes <paramref name="frames"/> frames of 320x240 at 10 fps to <paramref name="path"/> (.mp4).</summary>
    public static string Write(string path, int frames)
    {
        SyntheticScene.WriteVideo(path, frames, 320, 240, 10, i => [("face1.png", new Vision.Faces.FaceBox(40 + i % 100, 50, 130, 130))]);
        return path;
    }
}
