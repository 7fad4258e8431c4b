using EmotionNet.Vision.Faces;
using EmotionNet.TestSupport;
using OpenCvSharp;

/// <summary>The generated 640x480 test videos: real FER2013 faces (the test assets) moving over a room-like backdrop.</summary>
internal static class Scenes
{
    public const int Width = 640;
    public const int Height = 480;
    public const double Fps = 30;

    // Bump when the generator changes so that cached videos are rebuilt.
    private const int Version = 3;

    /// <summary>The path of a video with <paramref name="faces"/> faces and <paramref name="frames"/> frames, written on first use (kept in the temp folder).</summary>
    public static string Video(int faces, int frames)
    {
        var path = Path.Combine(Path.GetTempPath(), $"emotionnet-bench-v{Version}-{faces}faces-{frames}f-640x480.avi");
        if (File.Exists(path)) return path;
        var partial = path + ".partial.avi";
        using (var room = Room())
            SyntheticScene.WriteVideo(partial, frames, Width, Height, Fps, i => Layout(faces, i), room);
        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Writes <paramref name="count"/> 640x480 clips of <paramref name="seconds"/> s to <paramref name="folder"/>
    /// (clip-000.avi, ...): clip i has 1 + i mod 2 faces starting i * 11 frames into their motion, so clips
    /// differ. A clip already there is kept, so reruns are cheap. Returns the paths.
    /// </summary>
    public static IReadOnlyList<string> WriteClips(string folder, int count, double seconds)
    {
        Directory.CreateDirectory(folder);
        var frames = (int)Math.Round(seconds * Fps);
        var paths = new List<string>();
        using var room = Room();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"clip-{i:000}.avi");
            paths.Add(path);
            if (File.Exists(path)) continue;
            var partial = Path.Combine(folder, $".clip-{i:000}.partial.avi");
            var (faces, offset) = (1 + i % 2, i * 11);
            SyntheticScene.WriteVideo(partial, frames, Width, Height, Fps, f => Layout(faces, f + offset), room);
            File.Move(partial, path, overwrite: true);
        }
        return paths;
    }

    /// <summary>
    /// One face: 160 px, sweeping left and right. Two to four faces: 120 px in a 2x2 grid, each drifting
    /// sideways with its own phase (faces 1-3 are the three assets, a fourth reuses face1). Faces move
    /// <see cref="Speed"/> pixels a frame, a calm head turn, so boxes carried between detections lag visibly.
    /// </summary>
    public static (string Face, FaceBox Box)[] Layout(int faces, int frame)
    {
        if (faces == 1) return [("face1.png", new FaceBox(120 + Sweep(frame, 240), 150, 160, 160))];
        var slots = new (int X, int Y)[] { (40, 40), (360, 40), (40, 270), (360, 270) };
        return Enumerable.Range(0, faces)
            .Select(k => (SyntheticScene.FaceFiles[k % SyntheticScene.FaceFiles.Length], new FaceBox(slots[k].X + Sweep(frame + 37 * k, 100), slots[k].Y, 120, 120)))
            .ToArray();
    }

    /// <summary>Pixels a face moves per frame (90 px/s at 30 fps).</summary>
    public const int Speed = 3;

    // 0 .. range and back, Speed pixels per frame.
    private static int Sweep(int frame, int range)
    {
        var p = frame * Speed % (2 * range);
        return p < range ? p : 2 * range - p;
    }

    /// <summary>A room-like backdrop: a lit wall gradient, a door, a shelf, a window, a picture, mild sensor noise.</summary>
    public static Mat Room()
    {
        var m = new Mat(Height, Width, MatType.CV_8UC3);
        for (var y = 0; y < Height; y++)
            Cv2.Line(m, new Point(0, y), new Point(Width - 1, y), new Scalar(150 + y / 8, 160 + y / 10, 170 + y / 12));
        Cv2.Rectangle(m, new Rect(20, 60, 90, 420), new Scalar(60, 80, 110), -1);
        Cv2.Circle(m, new Point(95, 280), 6, new Scalar(200, 200, 200), -1);
        Cv2.Rectangle(m, new Rect(430, 40, 180, 130), new Scalar(235, 225, 205), -1);
        Cv2.Line(m, new Point(520, 40), new Point(520, 170), new Scalar(90, 90, 90), 4);
        Cv2.Line(m, new Point(430, 105), new Point(610, 105), new Scalar(90, 90, 90), 4);
        Cv2.Rectangle(m, new Rect(470, 300, 150, 20), new Scalar(40, 60, 90), -1);
        for (var i = 0; i < 8; i++) Cv2.Rectangle(m, new Rect(475 + i * 18, 250 + (i % 3) * 6, 14, 50 - (i % 3) * 6), new Scalar(40 + i * 25, 200 - i * 15, 90 + i * 10), -1);
        Cv2.Rectangle(m, new Rect(320, 40, 80, 60), new Scalar(30, 120, 160), -1);
        using var grain = new Mat(Height, Width, MatType.CV_8UC3);
        Cv2.Randn(grain, Scalar.All(0), Scalar.All(6));
        Cv2.Add(m, grain, m);
        return m;
    }
}
