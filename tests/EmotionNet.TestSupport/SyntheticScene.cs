using EmotionNet.Vision.Faces;
using OpenCvSharp;

namespace EmotionNet.TestSupport;

/// <summary>Builds frames and videos from real 48x48 FER2013 faces upscaled and pasted at known places on a plain background.</summary>
public static class SyntheticScene
{
    /// <summary>The committed sample faces (three FER2013 images).</summary>
    public static readonly string[] FaceFiles = ["face1.png", "face2.png", "face3.png"];

    public static string AssetPath(string name) => Path.Combine(AppContext.BaseDirectory, "Assets", name);

    /// <summary>A committed face as a 48x48 grey Mat.</summary>
    public static Mat LoadFace(string name)
    {
        var face = Cv2.ImRead(AssetPath(name), ImreadModes.Grayscale);
        if (face.Empty()) throw new InvalidOperationException($"Test asset '{AssetPath(name)}' is missing.");
        return face;
    }

    /// <summary>A BGR frame with each face drawn, upscaled, into its box.</summary>
    public static Mat Compose(int width, int height, IReadOnlyList<(Mat Face, FaceBox Box)> faces, Mat? background = null)
    {
        var frame = background?.Clone() ?? new Mat(height, width, MatType.CV_8UC3, Scalar.All(170));
        foreach (var (face, box) in faces)
        {
            using var scaled = new Mat();
            Cv2.Resize(face, scaled, new Size(box.Width, box.Height), 0, 0, InterpolationFlags.Cubic);
            using var colour = new Mat();
            Cv2.CvtColor(scaled, colour, ColorConversionCodes.GRAY2BGR);
            using var target = new Mat(frame, new Rect(box.X, box.Y, box.Width, box.Height));
            colour.CopyTo(target);
        }
        return frame;
    }

    /// <summary>Writes a video of <paramref name="frameCount"/> frames; <paramref name="layout"/> gives each frame's faces. Returns the boxes per frame.</summary>
    public static IReadOnlyList<FaceBox[]> WriteVideo(string path, int frameCount, int width, int height, double fps, Func<int, (string Face, FaceBox Box)[]> layout, Mat? background = null)
    {
        var fourCc = path.EndsWith(".avi", StringComparison.OrdinalIgnoreCase) ? FourCC.FromString("MJPG") : FourCC.FromString("mp4v");
        using var writer = new VideoWriter(path, VideoCaptureAPIs.FFMPEG, fourCc, fps, new Size(width, height), true);
        if (!writer.IsOpened()) throw new InvalidOperationException($"Could not open a video writer for '{path}'.");
        var faces = new Dictionary<string, Mat>();
        var boxes = new List<FaceBox[]>();
        try
        {
            for (var i = 0; i < frameCount; i++)
            {
                var placed = layout(i);
                var items = placed.Select(p => (faces.TryGetValue(p.Face, out var m) ? m : faces[p.Face] = LoadFace(p.Face), p.Box)).ToArray();
                using var frame = Compose(width, height, items, background);
                writer.Write(frame);
                boxes.Add(placed.Select(p => p.Box).ToArray());
            }
        }
        finally
        {
            foreach (var m in faces.Values) m.Dispose();
        }
        return boxes;
    }

    /// <summary>One face of side <paramref name="side"/> moving right by <paramref name="step"/> pixels a frame.</summary>
    public static Func<int, (string Face, FaceBox Box)[]> OneMovingFace(string face, int x0, int y0, int side, int step) =>
        i => [(face, new FaceBox(x0 + i * step, y0, side, side))];
}
