using EmotionNet.Vision.Faces;
using EmotionNet.TestSupport;
using OpenCvSharp;

/// <summary>
/// Seeded 640x480 videos for the tracking benchmark: the three sample faces, each in its own horizontal
/// lane, walking left and right at their own speed (3-7 px a frame), passing behind a pillar in the
/// middle of the room, and stepping out of view for 20-60 frames once or twice before coming back where
/// their walk has taken them. The truth of every frame says where each face is and how much of it shows.
/// </summary>
internal static class TrackingScenes
{
    public const int Width = 640;
    public const int Height = 480;
    public const double Fps = 30;
    private const int Version = 1;

    /// <summary>The pillar the faces pass behind (drawn over them).</summary>
    public static readonly Rect Pillar = new(280, 0, 70, Height);

    /// <summary>One face in one frame: where it is, and the share of it hidden (1 while it is out of view).</summary>
    public sealed record Truth(int Face, FaceBox Box, double Hidden);

    /// <summary>Writes the video for <paramref name="seed"/> (once per machine, into the temp folder) and returns its path and per-frame truth.</summary>
    public static (string Path, IReadOnlyList<Truth[]> Truth) Video(int seed, int frames)
    {
        var truth = Layout(seed, frames);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"emotionnet-tracking-v{Version}-seed{seed}-{frames}f.avi");
        if (File.Exists(path)) return (path, truth);
        var partial = path + ".partial.avi";
        var faces = SyntheticScene.FaceFiles.Select(SyntheticScene.LoadFace).ToArray();
        try
        {
            using var room = Scenes.Room();
            using var writer = new VideoWriter(partial, VideoCaptureAPIs.FFMPEG, FourCC.FromString("MJPG"), Fps, new Size(Width, Height), true);
            foreach (var frame in truth)
            {
                using var image = SyntheticScene.Compose(Width, Height, frame.Where(t => t.Hidden < 1).Select(t => (faces[t.Face], t.Box)).ToArray(), room);
                Cv2.Rectangle(image, Pillar, new Scalar(45, 70, 95), -1);
                writer.Write(image);
            }
        }
        finally
        {
            foreach (var f in faces) f.Dispose();
        }
        File.Move(partial, path, overwrite: true);
        return (path, truth);
    }

    private static Truth[][] Layout(int seed, int frames)
    {
        var rng = new Random(seed);
        var lanes = new[] { 15, 175, 335 };
        var faces = Enumerable.Range(0, 3).Select(k =>
        {
            var side = rng.Next(100, 131);
            var speed = rng.Next(3, 8) * (rng.Next(2) == 0 ? -1 : 1);
            var x = rng.Next(0, Width - side);
            var absences = new List<(int From, int To)>();
            var start = rng.Next(30, frames / 2);
            absences.Add((start, start + rng.Next(20, 61)));
            if (rng.Next(2) == 0 && start + 100 < frames) { var s2 = rng.Next(start + 80, frames); absences.Add((s2, s2 + rng.Next(20, 61))); }
            return (Side: side, Speed: speed, X: x, Y: lanes[k] + rng.Next(0, 131 - side), Absences: absences);
        }).ToArray();
        var result = new Truth[frames][];
        var xs = faces.Select(f => (double)f.X).ToArray();
        var vs = faces.Select(f => (double)f.Speed).ToArray();
        for (var i = 0; i < frames; i++)
        {
            var row = new Truth[faces.Length];
            for (var k = 0; k < faces.Length; k++)
            {
                var f = faces[k];
                var box = new FaceBox((int)xs[k], f.Y, f.Side, f.Side);
                var away = f.Absences.Any(a => i >= a.From && i < a.To);
                row[k] = new Truth(k, box, away ? 1 : HiddenShare(box));
                xs[k] += vs[k];
                if (xs[k] < 0 || xs[k] > Width - f.Side) { vs[k] = -vs[k]; xs[k] = Math.Clamp(xs[k], 0, Width - f.Side); }
            }
            result[i] = row;
        }
        return result;
    }

    private static double HiddenShare(FaceBox box)
    {
        var overlap = Math.Max(0, Math.Min(box.Right, Pillar.Right) - Math.Max(box.X, Pillar.X));
        return (double)overlap / box.Width;
    }
}
