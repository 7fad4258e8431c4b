using EmotionNet.Core;
using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// OpenCV's Haar frontal-face cascade (shipped inside this assembly), run on a downscaled,
/// optionally equalized grey copy of the frame. Calls from several threads run one at a time (the
/// detector reuses its working images); detecting in parallel takes one detector per thread
/// (<see cref="FaceDetectorPool"/>).
/// </summary>
public sealed class HaarFaceDetector : IFaceDetector
{
    private readonly CascadeClassifier cascade;
    private readonly Mat grey = new();
    private readonly Mat small = new();
    private readonly Lock gate = new();

    /// <summary>Creates a detector with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="EmotionNetException">An option is out of range.</exception>
    public HaarFaceDetector(DetectorOptions? options = null)
    {
        Options = options ?? DetectorOptions.Default;
        Options.Validate();
        OpenCvRuntime.Ensure();
        cascade = HaarCascadeResource.Load();
    }

    /// <summary>The settings in use.</summary>
    public DetectorOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<FaceBox> Detect(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty()) return [];
        lock (gate) return DetectLocked(frame);
    }

    private List<FaceBox> DetectLocked(Mat frame)
    {
        switch (frame.Channels())
        {
            case 1: frame.CopyTo(grey); break;
            case 3: Cv2.CvtColor(frame, grey, ColorConversionCodes.BGR2GRAY); break;
            case 4: Cv2.CvtColor(frame, grey, ColorConversionCodes.BGRA2GRAY); break;
            default: throw new ArgumentException($"Expected a grey, BGR or BGRA frame, got {frame.Channels()} channels.", nameof(frame));
        }

        var scale = Options.DetectionScale;
        // No face of the minimum size fits (a 1x1 image would even resize to 0x0, which OpenCV rejects).
        if (Math.Min(frame.Width, frame.Height) < Options.MinFaceSize) return [];
        Mat search = grey;
        if (scale < 1.0)
        {
            Cv2.Resize(grey, small, new Size(0, 0), scale, scale, InterpolationFlags.Area);
            search = small;
        }
        if (Options.EqualizeHistogram) Cv2.EqualizeHist(search, search);

        var minSide = Math.Max(1, (int)Math.Round(Options.MinFaceSize * scale));
        var found = cascade.DetectMultiScale(search, Options.ScaleFactor, Options.MinNeighbors, HaarDetectionTypes.ScaleImage, new Size(minSide, minSide));

        var boxes = new List<FaceBox>(found.Length);
        foreach (var r in found)
        {
            var x = (int)Math.Round(r.X / scale);
            var y = (int)Math.Round(r.Y / scale);
            var right = Math.Min(frame.Width, (int)Math.Round(r.Right / scale));
            var bottom = Math.Min(frame.Height, (int)Math.Round(r.Bottom / scale));
            boxes.Add(new FaceBox(x, y, right - x, bottom - y));
        }
        boxes.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : a.Y.CompareTo(b.Y));
        return boxes;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            cascade.Dispose();
            grey.Dispose();
            small.Dispose();
        }
    }
}
