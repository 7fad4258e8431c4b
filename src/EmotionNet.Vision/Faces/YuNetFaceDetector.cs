using EmotionNet.Core;
using OpenCvSharp;

namespace EmotionNet.Vision.Faces;

/// <summary>
/// The YuNet face detector (a small CNN shipped inside this assembly, Apache-2.0), run through OpenCV's
/// FaceDetectorYN on a copy of the frame shrunk to <see cref="DetectorOptions.WorkingSize"/>. Gives a
/// score and five landmarks per face. Calls from several threads run one at a time: the detector reuses
/// its working images and networks, which concurrent calls would overwrite (shared by 4 threads without
/// the lock, 170 of 200 answers were wrong, docs/serving.md). Detecting in parallel takes one detector
/// per thread (<see cref="FaceDetectorPool"/>).
/// </summary>
public sealed class YuNetFaceDetector : IFaceDetector
{
    // OpenCV 4.13's FaceDetectorYN has no SetInputSize: a network is built for one input size. Frames
    // of one stream share a size, folders of photos bring a few; beyond this many sizes the cache restarts.
    private const int MaxCachedSizes = 8;

    // Below this side the network has nothing to look at (and a 1x1 frame would shrink to 0x0).
    private const int MinFrameSide = 8;

    private readonly string modelPath;
    private readonly Dictionary<Size, FaceDetectorYN> networks = [];
    private readonly Mat bgr = new();
    private readonly Mat small = new();
    private readonly Mat found = new();
    private readonly Lock gate = new();

    /// <summary>Creates a detector with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="EmotionNetException">An option is out of range, or the model file is missing or not a YuNet ONNX model (the message names it).</exception>
    public YuNetFaceDetector(DetectorOptions? options = null)
    {
        Options = (options ?? DetectorOptions.Default).Validate();
        OpenCvRuntime.Ensure();
        modelPath = Options.ModelPath is { } path ? Path.GetFullPath(path) : YuNetModelResource.Path;
        if (!File.Exists(modelPath)) throw new EmotionNetException($"The face-detector model '{modelPath}' does not exist.");
        // Build one network and run it once now, so a damaged model, or valid ONNX that is not YuNet (it
        // loads, but has none of YuNet's outputs), fails here naming the file, not on the first frame.
        using var blank = new Mat(64, 64, MatType.CV_8UC3, Scalar.All(0));
        try
        {
            Network(blank.Size()).Detect(blank, found);
        }
        catch (OpenCVException e)
        {
            throw new EmotionNetException($"The face-detector model '{modelPath}' is not a YuNet face detector (it does not run as one): {FirstLine(e.Message)}");
        }
    }

    /// <summary>The settings in use.</summary>
    public DetectorOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<FaceBox> Detect(Mat frame) => [.. DetectFaces(frame).Select(f => f.Box)];

    /// <inheritdoc />
    public IReadOnlyList<DetectedFace> DetectFaces(Mat frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty() || Math.Min(frame.Width, frame.Height) < MinFrameSide) return [];
        lock (gate) return DetectLocked(frame);
    }

    private List<DetectedFace> DetectLocked(Mat frame)
    {
        ToBgr8(frame, bgr);

        var scale = Math.Min(1.0, (double)Options.WorkingSize / Math.Max(frame.Width, frame.Height));
        var input = bgr;
        if (scale < 1.0)
        {
            var size = new Size(Math.Max(1, (int)Math.Round(frame.Width * scale)), Math.Max(1, (int)Math.Round(frame.Height * scale)));
            if (Math.Min(size.Width, size.Height) < MinFrameSide) return [];
            Cv2.Resize(bgr, small, size, 0, 0, InterpolationFlags.Area);
            input = small;
        }
        Run(Network(input.Size()), input);

        var rows = found.Empty() ? 0 : found.Rows;
        var faces = new List<DetectedFace>(rows);
        if (rows > 0)
        {
            // Each row: x, y, w, h, five (x, y) landmarks, score, in pixels of the working copy.
            // The result is one freshly allocated, continuous CV_32F block, read in one piece.
            var values = found.AsSpan<float>().ToArray();
            var columns = values.Length / rows;
            var sx = (float)frame.Width / input.Width;
            var sy = (float)frame.Height / input.Height;
            for (var r = 0; r < rows; r++)
            {
                float At(int c) => values[r * columns + c];
                Point2f Point(int c) => new(At(c) * sx, At(c + 1) * sy);
                // Faces at the border come back partly outside the frame; the box is clipped to it, the landmarks are kept as they are.
                var x0 = Math.Clamp((int)Math.Round(At(0) * sx), 0, frame.Width);
                var y0 = Math.Clamp((int)Math.Round(At(1) * sy), 0, frame.Height);
                var x1 = Math.Clamp((int)Math.Round((At(0) + At(2)) * sx), 0, frame.Width);
                var y1 = Math.Clamp((int)Math.Round((At(1) + At(3)) * sy), 0, frame.Height);
                var box = new FaceBox(x0, y0, x1 - x0, y1 - y0);
                if (box.Area == 0 || Math.Max(At(2) * sx, At(3) * sy) < Options.MinFaceSize) continue;
                var landmarks = new FaceLandmarks(Point(4), Point(6), Point(8), Point(10), Point(12));
                faces.Add(new DetectedFace(box, At(14), landmarks));
            }
        }
        faces.Sort((a, b) => a.Box.X != b.Box.X ? a.Box.X.CompareTo(b.Box.X) : a.Box.Y.CompareTo(b.Box.Y));
        return faces;
    }

    // The model ran once at construction, so a failure here is about this frame or the machine (memory), not the model file.
    private void Run(FaceDetectorYN network, Mat input)
    {
        try
        {
            network.Detect(input, found);
        }
        catch (OpenCVException e)
        {
            throw new EmotionNetException($"YuNet face detection failed on a {input.Width}x{input.Height} working copy of the frame (model '{modelPath}'): {FirstLine(e.Message)}");
        }
    }

    private FaceDetectorYN Network(Size size)
    {
        if (networks.TryGetValue(size, out var network)) return network;
        if (networks.Count >= MaxCachedSizes) DisposeNetworks();
        try
        {
            network = FaceDetectorYN.Create(modelPath, "", size, Options.ScoreThreshold, Options.NmsThreshold, 5000,
                OpenCvSharp.Dnn.Backend.OPENCV, OpenCvSharp.Dnn.Target.CPU);
        }
        catch (OpenCVException e)
        {
            throw new EmotionNetException($"The face-detector model '{modelPath}' could not be loaded as a YuNet ONNX model: {FirstLine(e.Message)}");
        }
        catch (OpenCvSharpException e)
        {
            throw new EmotionNetException($"The face-detector model '{modelPath}' could not be loaded as a YuNet ONNX model: {FirstLine(e.Message)}");
        }
        networks[size] = network;
        return network;
    }

    // OpenCV's importer errors quote the ONNX node over several lines ("> Node [...]: ... \n> "); the first says what failed.
    private static string FirstLine(string message) =>
        message.Split('\n').Select(l => l.Trim().TrimStart('>').Trim()).FirstOrDefault(l => l.Length > 0) ?? message;

    // YuNet takes 8-bit BGR; grey and BGRA frames are converted, 16-bit ones scaled down.
    private static void ToBgr8(Mat frame, Mat destination)
    {
        switch (frame.Channels())
        {
            case 1: Cv2.CvtColor(frame, destination, ColorConversionCodes.GRAY2BGR); break;
            case 3: frame.CopyTo(destination); break;
            case 4: Cv2.CvtColor(frame, destination, ColorConversionCodes.BGRA2BGR); break;
            default: throw new ArgumentException($"Expected a grey, BGR or BGRA frame, got {frame.Channels()} channels.", nameof(frame));
        }
        var depth = destination.Depth();
        if (depth == MatType.CV_16U) destination.ConvertTo(destination, MatType.CV_8U, 1.0 / 257);
        else if (depth != MatType.CV_8U) throw new ArgumentException($"Expected 8- or 16-bit pixels, got {frame.Type()}.", nameof(frame));
    }

    private void DisposeNetworks()
    {
        foreach (var n in networks.Values) n.Dispose();
        networks.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            DisposeNetworks();
            bgr.Dispose();
            small.Dispose();
            found.Dispose();
        }
    }
}
